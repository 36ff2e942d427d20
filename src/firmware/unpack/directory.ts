import { createHash } from 'node:crypto';
import type { FirmwareEvidence, LayerRecord, UnpackLimits } from '../types.js';
import { DirectoryVfs } from '../vfs/index.js';
import { layerError } from './run-layer.js';

const LAYER = '0x0-directory';

/**
 * Evidence for an already extracted directory: one layer of format `directory`. Its sha256 is taken over
 * the listing (path, type, mode, size, link target of every entry), not over file contents.
 */
export function directoryEvidence(path: string, limits: UnpackLimits): FirmwareEvidence {
  const base = { id: LAYER, parent: null, format: 'directory', offset: 0, depth: 0, description: 'directory on disk', carved: false };
  let vfs: DirectoryVfs;
  try {
    vfs = new DirectoryVfs(path, LAYER, limits.maxEntries);
  } catch (error) {
    const layer: LayerRecord = { ...base, length: 0, produced: { entries: 0, bytes: 0, blobs: 0 }, warnings: [], error: layerError(error) };
    return { image: path, log: { image: path, size: 0, sha256: '', layers: [layer], unknown: [] }, filesystems: [] };
  }
  const hash = createHash('sha256');
  let bytes = 0;
  for (const e of vfs.entries()) {
    if (e.type === 'file') bytes += e.size;
    hash.update(`${e.path}\0${e.type}\0${e.mode}\0${e.size}\0${e.target ?? ''}\n`);
  }
  const entries = vfs.entries().length;
  const layer: LayerRecord = { ...base, length: bytes, produced: { entries, bytes, blobs: 0 }, warnings: vfs.warnings };
  return { image: path, log: { image: path, size: bytes, sha256: hash.digest('hex'), layers: [layer], unknown: [] }, filesystems: [vfs] };
}
