// Hands out each MFS file as a blob named after it, at its offset: compressed files are LZMA streams that the
// driver unpacks with the lzma plug-in, so every stream binwalk sees inside the MFS becomes a layer of the log.
import { normalizePath } from '../../vfs/index.js';
import type { ByteSource, Probe, UnpackContext, Unpacked } from '../../types.js';
import { parseMfs } from './mfs.js';

/** For the probe, which has no limits at hand: more files than any web UI has. */
const PROBE_MAX_FILES = 100_000;

export function probeMfs(src: ByteSource): Probe | null {
  try {
    const m = parseMfs(src, PROBE_MAX_FILES);
    return { length: m.length, description: `Wind River management filesystem, ${m.compressed ? 'compressed' : 'plain'}, ${m.files.length} files` };
  } catch {
    return null;
  }
}

export function unpackMfs(src: ByteSource, ctx: UnpackContext): Unpacked {
  const m = parseMfs(src, ctx.limits.maxEntries);
  const blobs = m.files.map((f) => {
    const { path, escaped } = normalizePath(f.name);
    if (escaped) ctx.warn(`MFS: file name "${f.name}" climbs above the root; kept as ${path}`);
    return { name: path, offset: f.offset, source: src.slice(f.offset, f.length), description: `MFS file ${path}, ${f.length} bytes${m.compressed ? ' (LZMA)' : ''}` };
  });
  return { kind: 'blobs', blobs, length: m.length };
}
