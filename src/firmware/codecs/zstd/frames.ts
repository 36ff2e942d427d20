import { FormatError } from '../../errors.js';

// Zstandard frames (RFC 8878 section 3.1): magic 0xFD2FB528, a frame header (descriptor, window, dictionary
// ID, content size), blocks with 3-byte headers (last flag, type raw/RLE/compressed, size) and an optional
// 4-byte checksum. Skippable frames (magic 0x184D2A5X) carry a length. Walking the block headers gives each
// frame's extent and a bound on its output without decoding, so output is capped before any is produced.

export const ZSTD_MAGIC = 0xfd2fb528;
const BLOCK_MAX = 128 << 10;

export interface ZstdFrame {
  readonly start: number;
  readonly end: number;
  /** Exact output size when the header declares it, else an upper bound from the block headers. */
  readonly bound: number;
  readonly exact: boolean;
  readonly skippable: boolean;
  /** The stored content checksum (low 32 bits of XXH64 of the frame's output), when the frame has one. */
  readonly checksum?: number;
}

function u32(b: Uint8Array, at: number): number {
  if (at + 4 > b.length) throw new FormatError('zstd: frame is truncated');
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

export function isZstdMagic(m: number): boolean {
  return m === ZSTD_MAGIC || m >>> 4 === 0x184d2a5;
}

/** Walks one frame at `pos`. */
export function walkFrame(b: Uint8Array, pos: number): ZstdFrame {
  const magic = u32(b, pos);
  if (magic >>> 4 === 0x184d2a5) {
    const end = pos + 8 + u32(b, pos + 4);
    if (end > b.length) throw new FormatError('zstd: skippable frame runs past the input');
    return { start: pos, end, bound: 0, exact: true, skippable: true };
  }
  if (magic !== ZSTD_MAGIC) throw new FormatError('zstd: no frame magic');
  if (pos + 5 > b.length) throw new FormatError('zstd: frame header is truncated');
  const fhd = b[pos + 4]!;
  if (fhd & 0x08) throw new FormatError('zstd: reserved frame header bit is set');
  const fcsFlag = fhd >>> 6;
  const single = (fhd & 0x20) !== 0;
  const dictBytes = [0, 1, 2, 4][fhd & 3]!;
  const fcsBytes = [single ? 1 : 0, 2, 4, 8][fcsFlag]!;
  let at = pos + 5 + (single ? 0 : 1) + dictBytes;
  if (at + fcsBytes > b.length) throw new FormatError('zstd: frame header is truncated');
  let size: number | undefined;
  if (fcsBytes > 0) {
    size = 0;
    for (let i = fcsBytes - 1; i >= 0; i--) size = size * 256 + b[at + i]!;
    if (fcsBytes === 2) size += 256;
  }
  at += fcsBytes;
  let bound = 0;
  for (;;) {
    if (at + 3 > b.length) throw new FormatError('zstd: block header is truncated');
    const h = b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
    at += 3;
    const type = (h >>> 1) & 3;
    const blockSize = h >>> 3;
    if (type === 3) throw new FormatError('zstd: reserved block type');
    if (blockSize > BLOCK_MAX) throw new FormatError('zstd: block larger than 128 KiB');
    bound += type === 2 ? BLOCK_MAX : blockSize;
    at += type === 1 ? 1 : blockSize;
    if (at > b.length) throw new FormatError('zstd: block runs past the input');
    if (h & 1) break;
  }
  const frame = size !== undefined ? { start: pos, bound: size, exact: true, skippable: false } : { start: pos, bound, exact: false, skippable: false };
  if (!(fhd & 0x04)) return { ...frame, end: at };
  if (at + 4 > b.length) throw new FormatError('zstd: frame checksum is truncated');
  return { ...frame, end: at + 4, checksum: u32(b, at) };
}
