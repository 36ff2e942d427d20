import { crc32 } from 'node:zlib';
import { FormatError } from '../../errors.js';
import { BinaryReader } from '../../source/binary-reader.js';
import { decodeLzo1x } from './decoder.js';

// The lzop file format (lzop's own header, as Linux kernel images compressed with LZO use it): magic,
// versions, method, flags, mode, mtime, name, header checksum, optional extra field, then blocks of
// (uncompressed length, compressed length, optional checksums, data) ending with a zero length.

export const LZOP_MAGIC = Buffer.from([0x89, 0x4c, 0x5a, 0x4f, 0x00, 0x0d, 0x0a, 0x1a, 0x0a]);
const F_ADLER32_D = 0x1;
const F_ADLER32_C = 0x2;
const F_H_EXTRA_FIELD = 0x40;
const F_CRC32_D = 0x100;
const F_CRC32_C = 0x200;
const F_H_FILTER = 0x800;
/** lzop never writes blocks larger than this (its block size is at most 64 MiB). */
const MAX_BLOCK = 64 << 20;

export interface LzopResult {
  readonly data: Buffer;
  readonly consumed: number;
}

function header(r: BinaryReader): number {
  r.skip(LZOP_MAGIC.length);
  const version = r.u16();
  r.u16();
  if (version >= 0x0940) r.u16();
  const method = r.u8();
  if (method < 1 || method > 3) throw new FormatError(`lzop: unsupported method ${method}`);
  if (version >= 0x0940) r.u8();
  const flags = r.u32();
  if (flags & F_H_FILTER) r.u32();
  r.skip(version >= 0x0940 ? 12 : 8);
  r.skip(r.u8());
  r.u32();
  if (flags & F_H_EXTRA_FIELD) r.skip(r.u32() + 4);
  return flags;
}

/** Adler-32 (RFC 1950), lzop's default block checksum. */
export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; ) {
    // 5552 bytes is the most that can be summed before b could pass 2^32 (the zlib bound).
    const stop = Math.min(data.length, i + 5552);
    for (; i < stop; i++) {
      a += data[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

interface BlockChecks {
  adler?: number;
  crc?: number;
}

function readChecks(r: BinaryReader, adler: boolean, crc: boolean): BlockChecks {
  const c: BlockChecks = {};
  if (adler) c.adler = r.u32();
  if (crc) c.crc = r.u32();
  return c;
}

function verify(what: string, data: Uint8Array, c: BlockChecks): void {
  if (c.adler !== undefined && adler32(data) !== c.adler) throw new FormatError(`lzop: ${what} Adler-32 does not match (corrupt data)`);
  if (c.crc !== undefined && crc32(data) !== c.crc) throw new FormatError(`lzop: ${what} CRC32 does not match (corrupt data)`);
}

/** Decodes an lzop file at the start of `input`, verifying the block checksums it carries. */
export function decodeLzop(input: Buffer, maxOutput: number): LzopResult {
  const r = new BinaryReader(input, false, 'lzop');
  const flags = header(r);
  const parts: Buffer[] = [];
  let total = 0;
  for (;;) {
    const dstLen = r.u32();
    if (dstLen === 0) break;
    const srcLen = r.u32();
    if (dstLen > MAX_BLOCK || srcLen > dstLen) throw new FormatError('lzop: invalid block lengths');
    if (total + dstLen > maxOutput) throw new FormatError(`lzop: output over the ${maxOutput}-byte cap`);
    const dChecks = readChecks(r, (flags & F_ADLER32_D) !== 0, (flags & F_CRC32_D) !== 0);
    const cChecks = srcLen < dstLen ? readChecks(r, (flags & F_ADLER32_C) !== 0, (flags & F_CRC32_C) !== 0) : {};
    const data = r.bytes(srcLen);
    if (srcLen === dstLen) {
      verify('block', data, dChecks);
      parts.push(data);
    } else {
      verify('compressed block', data, cChecks);
      const out = Buffer.allocUnsafe(dstLen);
      if (decodeLzo1x(data, 0, data.length, out) !== dstLen) throw new FormatError('lzop: block decoded to the wrong length');
      verify('block', out, dChecks);
      parts.push(out);
    }
    total += dstLen;
  }
  return { data: Buffer.concat(parts, total), consumed: r.pos };
}
