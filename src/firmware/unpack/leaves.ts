import type { ByteSource, Vfs } from '../types.js';
import { MemoryVfs } from '../vfs/index.js';
import { safeSegment } from './ids.js';

/**
 * The blobs a layer produced that no format recognised as a whole (a decompressed kernel, a VxWorks image,
 * an unknown payload), as files of a small tree named after the layer, so checks can read them and
 * `iotcop unpack` writes them out.
 */
export function leafTree(layer: string, blobs: readonly { name: string; source: ByteSource }[]): Vfs {
  const vfs = new MemoryVfs(layer);
  vfs.add({ path: '/', type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: 0, size: 0 });
  const used = new Set<string>();
  for (const blob of blobs) {
    const base = safeSegment(blob.name);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}~${n}`;
    used.add(name);
    const source = blob.source;
    vfs.add({ path: `/${name}`, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: source.size, content: () => source.read(0, source.size) });
  }
  return vfs;
}
