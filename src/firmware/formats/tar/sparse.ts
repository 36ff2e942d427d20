import { FormatError } from '../../errors.js';
import type { ByteSource } from '../../types.js';
import { BLOCK, blocksFor, parseNumeric } from './header.js';

/** One stored piece of a sparse file: `length` bytes placed at `offset` of the real file. */
export interface SparseChunk {
  readonly offset: number;
  readonly length: number;
}

export interface SparseMap {
  readonly chunks: readonly SparseChunk[];
  readonly realSize: number;
  /** Bytes between the header and the first stored piece (extension headers, or the pax 1.0 text map). */
  readonly mapBytes: number;
}

const MAX_CHUNKS = 65_536;

function readChunks(block: Buffer, at: number, count: number, out: SparseChunk[]): void {
  for (let i = 0; i < count; i++) {
    const base = at + i * 24;
    const offset = parseNumeric(block, base, 12, 'sparse offset');
    const length = parseNumeric(block, base + 12, 12, 'sparse length');
    if (offset === 0 && length === 0) continue;
    out.push({ offset, length });
  }
}

/** Old GNU sparse ('S'): four map entries in the header, more in 512-byte extension blocks. */
export function gnuSparseMap(src: ByteSource, headerPos: number, header: Buffer): SparseMap {
  const chunks: SparseChunk[] = [];
  readChunks(header, 386, 4, chunks);
  let extended = header[482] !== 0;
  let pos = headerPos + BLOCK;
  while (extended) {
    if (chunks.length > MAX_CHUNKS) throw new FormatError('tar: sparse map too long');
    const ext = src.read(pos, BLOCK);
    readChunks(ext, 0, 21, chunks);
    extended = ext[504] !== 0;
    pos += BLOCK;
  }
  const realSize = parseNumeric(header, 483, 12, 'sparse real size');
  return { chunks, realSize, mapBytes: pos - headerPos - BLOCK };
}

/** GNU pax sparse 1.0: the data starts with a decimal text map (count, then offset/length pairs), block padded. */
export function pax1SparseMap(src: ByteSource, dataPos: number, dataSize: number, realSize: number): SparseMap {
  const head = src.read(dataPos, Math.min(dataSize, 64 * 1024));
  let at = 0;
  const next = (): number => {
    const nl = head.indexOf(0x0a, at);
    if (nl === -1 || nl - at > 20) throw new FormatError('tar: pax sparse map is malformed');
    const text = head.toString('latin1', at, nl);
    if (!/^\d+$/.test(text)) throw new FormatError('tar: pax sparse map is malformed');
    at = nl + 1;
    return Number(text);
  };
  const count = next();
  if (count > MAX_CHUNKS) throw new FormatError('tar: sparse map too long');
  const chunks: SparseChunk[] = [];
  for (let i = 0; i < count; i++) chunks.push({ offset: next(), length: next() });
  return { chunks, realSize, mapBytes: blocksFor(at) };
}

/** Checks a map against the stored data and returns a reader that rebuilds the file with its holes as zeros. */
export function sparseContent(src: ByteSource, dataPos: number, storedSize: number, map: SparseMap): () => Buffer {
  let stored = 0;
  for (const c of map.chunks) {
    if (c.offset + c.length > map.realSize) throw new FormatError('tar: sparse piece lies beyond the file size');
    stored += c.length;
  }
  if (stored > storedSize) throw new FormatError('tar: sparse map needs more data than stored');
  return () => {
    const out = Buffer.alloc(map.realSize);
    let at = dataPos;
    for (const c of map.chunks) {
      src.read(at, c.length).copy(out, c.offset);
      at += c.length;
    }
    return out;
  };
}
