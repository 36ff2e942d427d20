import { FormatError } from '../../errors.js';
import { filterFor, type BlockFilter } from './filters.js';
import { verifyCrc32 } from './check.js';
import { readVli } from './vli.js';

// Block header (xz-file-format.txt 3.1): size byte, flags (filter count, optional sizes), filter flags,
// zero padding, CRC32. The last filter must be LZMA2; the others run after it when decoding, in reverse.

export const LZMA2_ID = 0x21;

export interface BlockHeader {
  readonly size: number;
  readonly compressedSize?: number;
  readonly uncompressedSize?: number;
  /** Filters to apply to the LZMA2 output, first to last. */
  readonly filters: readonly BlockFilter[];
}

export function parseBlockHeader(buf: Uint8Array, pos: number, limit: number): BlockHeader {
  const size = (buf[pos]! + 1) * 4;
  const end = pos + size;
  if (end > limit) throw new FormatError('xz: block header is truncated');
  const crc = (buf[end - 4]! | (buf[end - 3]! << 8) | (buf[end - 2]! << 16) | (buf[end - 1]! << 24)) >>> 0;
  verifyCrc32('block header', buf.subarray(pos, end - 4), crc);
  const flags = buf[pos + 1]!;
  if (flags & 0x3c) throw new FormatError('xz: reserved block flags are set');
  let at = pos + 2;
  const fieldsEnd = end - 4;
  const sizes: { compressedSize?: number; uncompressedSize?: number } = {};
  if (flags & 0x40) {
    const v = readVli(buf, at, fieldsEnd);
    if (v.value === 0) throw new FormatError('xz: block compressed size is zero');
    sizes.compressedSize = v.value;
    at = v.next;
  }
  if (flags & 0x80) {
    const v = readVli(buf, at, fieldsEnd);
    sizes.uncompressedSize = v.value;
    at = v.next;
  }
  const count = (flags & 3) + 1;
  const filters: BlockFilter[] = [];
  for (let n = 0; n < count; n++) {
    const id = readVli(buf, at, fieldsEnd);
    const propSize = readVli(buf, id.next, fieldsEnd);
    const propsEnd = propSize.next + propSize.value;
    if (propsEnd > fieldsEnd) throw new FormatError('xz: filter properties run past the block header');
    const props = buf.subarray(propSize.next, propsEnd);
    at = propsEnd;
    const last = n === count - 1;
    if (last !== (id.value === LZMA2_ID)) throw new FormatError('xz: LZMA2 must be the last filter, and only the last');
    if (last) {
      if (props.length !== 1 || props[0]! > 40) throw new FormatError('xz: invalid LZMA2 dictionary size property');
    } else {
      filters.push(filterFor(id.value, props));
    }
  }
  for (; at < fieldsEnd; at++) if (buf[at] !== 0) throw new FormatError('xz: block header padding is not zero');
  // Decoding applies the filters in the reverse of their header order (the header lists encoder order).
  return { size, ...sizes, filters: filters.reverse() };
}
