import type { FirmwareEvidence, LayerRecord } from '../types.js';
import { safeComponents } from './paths.js';
import type { Placement } from './plan.js';

/**
 * The layer whose tree goes straight into the output directory: the image identified as a whole (not
 * carved, offset 0), followed through layers that produced exactly one blob which was itself identified
 * as a whole (uImage -> LZMA -> squashfs, or gzip -> tar), ending at a tree. Undefined when the image is
 * not one filesystem or archive (a raw flash dump, a container with several payloads).
 */
export function rootLayer(evidence: FirmwareEvidence): string | undefined {
  const layers = evidence.log.layers;
  const trees = new Set(evidence.filesystems.map((f) => f.layer));
  const whole = (parent: string | null) => layers.filter((l) => l.parent === parent && !l.carved && !l.error && (parent !== null || l.offset === 0));
  let current: LayerRecord | undefined = whole(null)[0];
  while (current) {
    if (current.produced.blobs === 0) return trees.has(current.id) ? current.id : undefined;
    if (current.produced.blobs !== 1) return undefined;
    const next = whole(current.id);
    current = next.length === 1 ? next[0] : undefined;
  }
  return undefined;
}

/**
 * Where each tree is written, relative to the output directory. The root layer's tree is the output
 * directory itself; every other tree goes to its parent's folder plus its own id segment (`0x40-squashfs`,
 * `usr/lib/foo.ipk@0x0-gzip`), with `~2`, `~3`... appended when that path is already taken by an entry.
 */
export function placements(evidence: FirmwareEvidence): Placement[] {
  const root = rootLayer(evidence);
  const byId = new Map(evidence.log.layers.map((l) => [l.id, l]));
  const folders = new Map<string, string>();
  const taken = new Set<string>();
  const folder = (id: string): string => {
    const known = folders.get(id);
    if (known !== undefined) return known;
    const layer = byId.get(id);
    let result: string;
    if (id === root) result = '';
    else {
      const parent = layer?.parent ?? null;
      const segment = parent !== null && id.startsWith(`${parent}/`) ? id.slice(parent.length + 1) : id;
      const safe = safeComponents(`/${segment}`)?.join('/') ?? 'layer';
      const base = parent === null ? safe : joinFolder(folder(parent), safe);
      result = base;
      for (let n = 2; taken.has(result); n++) result = `${base}~${n}`;
    }
    folders.set(id, result);
    return result;
  };
  const out: Placement[] = [];
  for (const vfs of evidence.filesystems) {
    const dir = folder(vfs.layer);
    out.push({ vfs, dir });
    for (const e of vfs.entries()) if (e.path !== '/') taken.add(joinFolder(dir, e.path.slice(1)));
  }
  return out;
}

function joinFolder(a: string, b: string): string {
  return a === '' ? b : `${a}/${b}`;
}
