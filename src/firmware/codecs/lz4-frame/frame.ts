import { FormatError } from '../../errors.js';
import { decodeLz4Block } from '../lz4-block/block.js';
import { xxh32 } from './xxh32.js';

// LZ4 frame format (lz4_Frame_format.md): magic 0x184D2204, a descriptor (FLG, BD, optional content size
// and dictionary ID, header checksum), blocks with a 4-byte size (high bit = stored) and optional xxHash32,
// an end mark and an optional content checksum. Skippable frames are skipped. The legacy format (magic
// 0x184C2102, used by Linux kernel images) is a series of independent blocks of up to 8 MiB output.

export const LZ4_MAGIC = 0x184d2204;
export const LZ4_LEGACY_MAGIC = 0x184c2102;
const LEGACY_BLOCK = 8 << 20;
const BLOCK_MAX = [0, 0, 0, 0, 64 << 10, 256 << 10, 1 << 20, 4 << 20];

function u32(b: Uint8Array, at: number): number {
  if (at + 4 > b.length) throw new FormatError('lz4: frame is truncated');
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** Growable output shared by the frames of one input, capped at maxOutput. */
export class Lz4Output {
  buf = new Uint8Array(0);
  len = 0;
  constructor(private readonly cap: number) {}

  /** Makes room for up to `n` more bytes, clamped at the cap (a block that needs more fails to decode). */
  reserve(n: number): void {
    const need = Math.min(this.cap, this.len + n);
    if (need <= this.buf.length) return;
    const next = new Uint8Array(Math.min(this.cap, Math.max(need, this.buf.length * 2)));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
}

/** Decodes one frame at `pos`; returns the offset after it. */
export function decodeFrame(b: Uint8Array, pos: number, out: Lz4Output): number {
  const flg = b[pos + 4] ?? 0;
  const bd = b[pos + 5] ?? 0;
  if (flg >>> 6 !== 1) throw new FormatError('lz4: unsupported frame version');
  if (flg & 0x02 || bd & 0x8f) throw new FormatError('lz4: reserved descriptor bits are set');
  const maxBlock = BLOCK_MAX[(bd >>> 4) & 7]!;
  if (maxBlock === 0) throw new FormatError('lz4: invalid block maximum size');
  const independent = (flg & 0x20) !== 0;
  const blockSum = (flg & 0x10) !== 0;
  const contentSize = (flg & 0x08) !== 0;
  const contentSum = (flg & 0x04) !== 0;
  if (flg & 0x01) throw new FormatError('lz4: frames with a dictionary ID need that dictionary');
  let at = pos + 6 + (contentSize ? 8 : 0);
  if (at + 1 > b.length) throw new FormatError('lz4: frame header is truncated');
  if (((xxh32(b.subarray(pos + 4, at)) >>> 8) & 0xff) !== b[at]) throw new FormatError('lz4: frame header checksum does not match');
  at += 1;
  const frameStart = out.len;
  for (;;) {
    const word = u32(b, at);
    at += 4;
    if (word === 0) break;
    const size = word & 0x7fffffff;
    if (size > maxBlock || at + size > b.length) throw new FormatError('lz4: block size is invalid or runs past the input');
    out.reserve(maxBlock);
    const blockStart = out.len;
    if (word & 0x80000000) {
      if (out.len + size > out.buf.length) throw new FormatError('lz4: output over the cap');
      out.buf.set(b.subarray(at, at + size), out.len);
      out.len += size;
    } else {
      // Linked blocks may reference the previous 64 KiB of this frame's output.
      out.len = decodeLz4Block(b, at, at + size, out.buf.subarray(0, blockStart + maxBlock), blockStart, independent ? blockStart : frameStart);
    }
    if (blockSum && xxh32(b.subarray(at, at + size)) !== u32(b, at + size)) throw new FormatError('lz4: block checksum does not match');
    at += size + (blockSum ? 4 : 0);
  }
  if (contentSize) {
    const declared = u32(b, pos + 6) + u32(b, pos + 10) * 2 ** 32;
    if (declared !== out.len - frameStart) throw new FormatError('lz4: content size does not match the data');
  }
  if (contentSum) {
    if (xxh32(out.buf.subarray(frameStart, out.len)) !== u32(b, at)) throw new FormatError('lz4: content checksum does not match');
    at += 4;
  }
  return at;
}

/**
 * Decodes a legacy stream at `pos`. It has no end mark: it ends at the input's end, at another frame's
 * magic, or at a block that cannot be one (kernel images append the 4-byte output size after the data).
 */
export function decodeLegacy(b: Uint8Array, pos: number, out: Lz4Output): number {
  let at = pos + 4;
  let blocks = 0;
  while (at + 4 <= b.length) {
    const size = u32(b, at);
    if (size === LZ4_LEGACY_MAGIC || size === LZ4_MAGIC) break;
    if (size === 0 || size > LEGACY_BLOCK + LEGACY_BLOCK / 255 + 16 || at + 4 + size > b.length) {
      if (blocks === 0) throw new FormatError('lz4: legacy block size is invalid');
      break;
    }
    out.reserve(Math.min(LEGACY_BLOCK, size * 255 + 16));
    const start = out.len;
    try {
      out.len = decodeLz4Block(b, at + 4, at + 4 + size, out.buf.subarray(0, start + Math.min(LEGACY_BLOCK, out.buf.length - start)), start, start);
    } catch (error) {
      if (blocks === 0) throw error;
      out.len = start;
      break;
    }
    blocks++;
    at += 4 + size;
  }
  return at;
}
