// The lzop file format (what `lzop` writes and what u-boot and the kernel call "lzo" payloads): a header and
// a sequence of blocks, each either stored or one LZO1X block, with Adler-32/CRC-32 checksums. The LZO1X
// blocks are decoded by the `lzo1x` codec; this file only walks and checks the container.
import { crc32 } from 'node:zlib';
import { decompress, hasCodec } from '../codecs/index.js';
import { expect } from '../errors.js';
import { BinaryReader } from '../source/index.js';

export const LZOP_MAGIC = Buffer.from([0x89, 0x4c, 0x5a, 0x4f, 0x00, 0x0d, 0x0a, 0x1a, 0x0a]);

const F_ADLER32_D = 0x1;
const F_ADLER32_C = 0x2;
const F_H_EXTRA_FIELD = 0x40;
const F_CRC32_D = 0x100;
const F_CRC32_C = 0x200;
const F_H_FILTER = 0x800;
/** lzop never writes blocks over 64 MiB (its maximum block size). */
const MAX_BLOCK = 64 * 1024 * 1024;

export function adler32(data: Buffer): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < data.length; ) {
    // 5552 bytes is the largest run whose sums cannot overflow before the modulo (zlib's NMAX).
    const end = Math.min(data.length, i + 5552);
    for (; i < end; i++) {
      a += data[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function skipHeader(r: BinaryReader): number {
  expect(r.bytes(9).equals(LZOP_MAGIC), 'lzop: bad magic');
  const version = r.u16();
  r.u16(); // library version
  if (version >= 0x0940) r.u16(); // version needed to extract
  const method = r.u8();
  expect(method >= 1 && method <= 3, `lzop: method ${method} is not LZO1X`);
  if (version >= 0x0940) r.u8(); // level
  const flags = r.u32();
  if (flags & F_H_FILTER) r.u32();
  r.skip(8); // mode, mtime
  if (version >= 0x0940) r.u32(); // mtime high
  r.skip(r.u8()); // file name
  r.u32(); // header checksum
  if (flags & F_H_EXTRA_FIELD) r.skip(r.u32() + 4);
  return flags;
}

function checksum(data: Buffer, flags: number, adlerFlag: number, crcFlag: number, r: BinaryReader): void {
  if (flags & adlerFlag) expect(r.u32() === adler32(data), 'lzop: Adler-32 mismatch');
  if (flags & crcFlag) expect(r.u32() === crc32(data) >>> 0, 'lzop: CRC-32 mismatch');
}

/** Whether an lzop file can be decoded now (stored blocks need nothing; LZO1X blocks need the codec). */
export const lzopAvailable = (): boolean => hasCodec('lzo1x');

/**
 * Decodes an lzop file. Throws FormatError on malformed input, checksum mismatches, output over `maxOutput`,
 * or a compressed block when the lzo1x codec is missing.
 */
export function lzopDecompress(input: Buffer, maxOutput: number): Buffer {
  const r = new BinaryReader(input, false, 'lzop');
  const flags = skipHeader(r);
  const parts: Buffer[] = [];
  let total = 0;
  for (;;) {
    const dstLen = r.u32();
    if (dstLen === 0) break;
    const srcLen = r.u32();
    expect(dstLen <= MAX_BLOCK && srcLen <= dstLen, `lzop: block of ${srcLen} -> ${dstLen} bytes`);
    total += dstLen;
    expect(total <= maxOutput, `lzop: output over the ${maxOutput}-byte cap`);
    const dPos = r.pos;
    r.skip((flags & F_ADLER32_D ? 4 : 0) + (flags & F_CRC32_D ? 4 : 0));
    const cPos = r.pos;
    if (srcLen < dstLen) r.skip((flags & F_ADLER32_C ? 4 : 0) + (flags & F_CRC32_C ? 4 : 0));
    const data = r.bytes(srcLen);
    if (srcLen < dstLen) checksum(data, flags, F_ADLER32_C, F_CRC32_C, new BinaryReader(input, false, 'lzop').seek(cPos));
    const block = srcLen === dstLen ? data : decompress('lzo1x', data, { maxOutput: dstLen, expectedSize: dstLen });
    expect(block.length === dstLen, `lzop: block decoded to ${block.length} bytes, expected ${dstLen}`);
    checksum(block, flags, F_ADLER32_D, F_CRC32_D, new BinaryReader(input, false, 'lzop').seek(dPos));
    parts.push(block);
  }
  return Buffer.concat(parts, total);
}
