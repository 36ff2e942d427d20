import { FormatError } from '../../errors.js';
import { untilNul } from '../text.js';

export const BLOCK = 512;

/** The fields of one 512-byte tar header, as stored (before pax or GNU long-name overrides). */
export interface TarHeader {
  readonly name: Buffer;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  readonly mtime: number;
  readonly typeflag: string;
  readonly linkname: Buffer;
  readonly flavour: 'ustar' | 'gnu' | 'v7';
  readonly devmajor: number;
  readonly devminor: number;
  /** ustar only: prepended to `name` with a slash. */
  readonly prefix: Buffer;
}

/**
 * A numeric header field: octal ASCII (optionally space/NUL padded on both sides) or, when the top bit of
 * the first byte is set, GNU base-256 big-endian binary (0xff first byte: negative).
 */
export function parseNumeric(buf: Buffer, start: number, width: number, what: string): number {
  const end = start + width;
  const first = buf[start] ?? 0;
  if (first & 0x80) {
    // Two's complement over the whole field; 0xff first marks a negative value, 0x80 a positive one.
    let v = first === 0xff ? -1 : first & 0x7f;
    for (let i = start + 1; i < end; i++) {
      v = v * 256 + buf[i]!;
      if (!Number.isSafeInteger(v)) throw new FormatError(`tar: ${what} field is too large`);
    }
    return v;
  }
  let i = start;
  while (i < end && (buf[i] === 0x20 || buf[i] === 0)) i++;
  let v = 0;
  for (; i < end; i++) {
    const c = buf[i]!;
    if (c === 0x20 || c === 0) break;
    if (c < 0x30 || c > 0x37) throw new FormatError(`tar: ${what} field is not octal`);
    v = v * 8 + (c - 0x30);
  }
  for (; i < end; i++) {
    if (buf[i] !== 0x20 && buf[i] !== 0) throw new FormatError(`tar: ${what} field has trailing garbage`);
  }
  return v;
}

/** True when the stored checksum matches the header (unsigned sum, or the signed sum some old tars used). */
export function checksumOk(block: Buffer): boolean {
  let stored: number;
  try {
    stored = parseNumeric(block, 148, 8, 'checksum');
  } catch {
    return false;
  }
  let unsigned = 8 * 0x20; // the checksum field itself counts as spaces
  let high = 0;
  for (let i = 0; i < BLOCK; i++) {
    if (i === 148) i = 156;
    const b = block[i]!;
    unsigned += b;
    if (b > 127) high++;
  }
  const signed = unsigned - 256 * high;
  return stored === unsigned || stored === signed;
}

export function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < block.length; i += 8) {
    if (block.readBigUInt64LE(i) !== 0n) return false;
  }
  return true;
}

function flavourOf(block: Buffer): TarHeader['flavour'] {
  const magic = block.toString('latin1', 257, 265);
  if (magic === 'ustar  \0') return 'gnu';
  if (magic.startsWith('ustar\0')) return 'ustar';
  return 'v7';
}

/** Parses a 512-byte header; throws FormatError when the checksum or a numeric field is wrong. */
export function parseHeader(block: Buffer): TarHeader {
  if (block.length !== BLOCK) throw new FormatError('tar: short header');
  if (!checksumOk(block)) throw new FormatError('tar: header checksum mismatch');
  const flavour = flavourOf(block);
  const typeByte = block[156]!;
  const hasDev = flavour !== 'v7';
  return {
    name: untilNul(block.subarray(0, 100)),
    mode: parseNumeric(block, 100, 8, 'mode'),
    uid: parseNumeric(block, 108, 8, 'uid'),
    gid: parseNumeric(block, 116, 8, 'gid'),
    size: parseNumeric(block, 124, 12, 'size'),
    mtime: parseNumeric(block, 136, 12, 'mtime'),
    typeflag: typeByte === 0 ? '0' : String.fromCharCode(typeByte),
    linkname: untilNul(block.subarray(157, 257)),
    flavour,
    devmajor: hasDev ? parseNumeric(block, 329, 8, 'devmajor') : 0,
    devminor: hasDev ? parseNumeric(block, 337, 8, 'devminor') : 0,
    prefix: flavour === 'ustar' ? untilNul(block.subarray(345, 500)) : Buffer.alloc(0),
  };
}

/** Rounds a data length up to whole 512-byte blocks. */
export function blocksFor(size: number): number {
  return Math.ceil(size / BLOCK) * BLOCK;
}
