import { FormatError } from '../../errors.js';
import { parseBlockHeader, type BlockHeader } from './block-header.js';
import { checkSize, verifyCrc32 } from './check.js';
import { scanLzma2 } from './lzma2.js';
import { readVli } from './vli.js';

// The .xz container (xz-file-format.txt): streams of header, blocks, index and footer, optionally followed
// by zero stream padding and more streams. Walking it without decoding gives every block's extent and
// exact uncompressed size (from the LZMA2 chunk headers), so output is sized and capped before decoding.

export const XZ_MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);
const FOOTER_MAGIC0 = 0x59;
const FOOTER_MAGIC1 = 0x5a;

export interface XzBlock {
  readonly header: BlockHeader;
  /** Offset of the LZMA2 data. */
  readonly dataStart: number;
  readonly unpacked: number;
  readonly checkType: number;
  readonly checkStart: number;
}

export interface XzLayout {
  readonly blocks: readonly XzBlock[];
  readonly unpacked: number;
  /** Offset just past the last stream (and its padding): the bytes the xz data spans. */
  readonly end: number;
}

function u32le(buf: Uint8Array, pos: number): number {
  return (buf[pos]! | (buf[pos + 1]! << 8) | (buf[pos + 2]! << 16) | (buf[pos + 3]! << 24)) >>> 0;
}

function isMagic(buf: Uint8Array, pos: number): boolean {
  if (pos + 6 > buf.length) return false;
  for (let i = 0; i < 6; i++) if (buf[pos + i] !== XZ_MAGIC[i]) return false;
  return true;
}

/** Stream header: magic, flags (check type), CRC32. Returns the check type. */
function streamHeader(buf: Uint8Array, pos: number): number {
  if (!isMagic(buf, pos)) throw new FormatError('xz: no stream header magic');
  if (pos + 12 > buf.length) throw new FormatError('xz: stream header is truncated');
  verifyCrc32('stream header', buf.subarray(pos + 6, pos + 8), u32le(buf, pos + 8));
  if (buf[pos + 6] !== 0 || buf[pos + 7]! > 0x0f) throw new FormatError('xz: unsupported stream flags');
  return buf[pos + 7]!;
}

/** Walks every stream from `start`; `maxOutput` caps the summed uncompressed size as blocks are found. */
export function scanXz(buf: Uint8Array, start: number, maxOutput: number): XzLayout {
  const blocks: XzBlock[] = [];
  let unpacked = 0;
  let pos = start;
  for (;;) {
    const checkType = streamHeader(buf, pos);
    const streamBlocks: { unpadded: number; unpacked: number }[] = [];
    pos += 12;
    for (;;) {
      if (pos >= buf.length) throw new FormatError('xz: stream is truncated');
      if (buf[pos] === 0) break;
      const blockStart = pos;
      const header = parseBlockHeader(buf, pos, buf.length);
      const dataStart = pos + header.size;
      const lz = scanLzma2(buf, dataStart, buf.length);
      if (header.compressedSize !== undefined && header.compressedSize !== lz.end - dataStart) throw new FormatError('xz: block compressed size does not match its data');
      if (header.uncompressedSize !== undefined && header.uncompressedSize !== lz.unpacked) throw new FormatError('xz: block uncompressed size does not match its data');
      unpacked += lz.unpacked;
      if (unpacked > maxOutput) throw new FormatError(`xz: output over the ${maxOutput}-byte cap`);
      pos = lz.end;
      while ((pos - blockStart) % 4 !== 0) {
        if (buf[pos] !== 0) throw new FormatError('xz: block padding is not zero');
        pos++;
      }
      const checkStart = pos;
      pos += checkSize(checkType);
      if (pos > buf.length) throw new FormatError('xz: block check is truncated');
      blocks.push({ header, dataStart, unpacked: lz.unpacked, checkType, checkStart });
      streamBlocks.push({ unpadded: lz.end - blockStart + checkSize(checkType), unpacked: lz.unpacked });
    }
    pos = readIndex(buf, pos, streamBlocks);
    pos = streamFooter(buf, pos, checkType);
    // Stream padding: groups of four zero bytes, then possibly another stream.
    let next = pos;
    while (next + 4 <= buf.length && u32le(buf, next) === 0) next += 4;
    if (isMagic(buf, next)) {
      pos = next;
      continue;
    }
    return { blocks, unpacked, end: next };
  }
}

/** Index: indicator, record count, (unpadded, uncompressed) per block, padding, CRC32. Must match the blocks. */
function readIndex(buf: Uint8Array, start: number, blocks: readonly { unpadded: number; unpacked: number }[]): number {
  const count = readVli(buf, start + 1, buf.length);
  if (count.value !== blocks.length) throw new FormatError('xz: index record count does not match the blocks');
  let pos = count.next;
  for (const block of blocks) {
    const unpadded = readVli(buf, pos, buf.length);
    const size = readVli(buf, unpadded.next, buf.length);
    if (unpadded.value !== block.unpadded || size.value !== block.unpacked) throw new FormatError('xz: index does not match the blocks');
    pos = size.next;
  }
  while ((pos - start) % 4 !== 0) {
    if (pos >= buf.length || buf[pos] !== 0) throw new FormatError('xz: index padding is not zero');
    pos++;
  }
  if (pos + 4 > buf.length) throw new FormatError('xz: index is truncated');
  verifyCrc32('index', buf.subarray(start, pos), u32le(buf, pos));
  return pos + 4;
}

function streamFooter(buf: Uint8Array, pos: number, checkType: number): number {
  if (pos + 12 > buf.length) throw new FormatError('xz: stream footer is truncated');
  verifyCrc32('stream footer', buf.subarray(pos + 4, pos + 10), u32le(buf, pos));
  if (buf[pos + 8] !== 0 || buf[pos + 9] !== checkType) throw new FormatError('xz: stream footer flags differ from the header');
  if (buf[pos + 10] !== FOOTER_MAGIC0 || buf[pos + 11] !== FOOTER_MAGIC1) throw new FormatError('xz: no stream footer magic');
  return pos + 12;
}
