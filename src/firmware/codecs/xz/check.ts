import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { FormatError } from '../../errors.js';
import { wasmCrc64 } from '../lib/lzma-wasm.js';

// The integrity checks of the xz format (xz-file-format.txt 3.4): none, CRC32, CRC64 (ECMA-182, reflected)
// or SHA-256. Check IDs without a defined algorithm still have a defined size, so they can be skipped.

const SIZES = [0, 4, 4, 4, 8, 8, 8, 16, 16, 16, 32, 32, 32, 64, 64, 64];

export function checkSize(id: number): number {
  const size = SIZES[id];
  if (size === undefined) throw new FormatError(`xz: invalid check type ${id}`);
  return size;
}

// CRC64 with the reflected ECMA-182 polynomial, as two 32-bit halves so it runs without BigInt.
const POLY_HI = 0xc96c5795;
const POLY_LO = 0xd7870f42;
const TABLE_HI = new Uint32Array(256);
const TABLE_LO = new Uint32Array(256);
for (let n = 0; n < 256; n++) {
  let hi = 0;
  let lo = n;
  for (let k = 0; k < 8; k++) {
    const lsb = lo & 1;
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0;
    hi >>>= 1;
    if (lsb) {
      hi = (hi ^ POLY_HI) >>> 0;
      lo = (lo ^ POLY_LO) >>> 0;
    }
  }
  TABLE_HI[n] = hi;
  TABLE_LO[n] = lo;
}

/** CRC64 of `data`, little-endian, as xz stores it. */
export function crc64(data: Uint8Array): Buffer {
  let hi = 0xffffffff;
  let lo = 0xffffffff;
  for (let i = 0; i < data.length; i++) {
    const t = (lo ^ data[i]!) & 0xff;
    lo = ((lo >>> 8) | (hi << 24)) ^ TABLE_LO[t]!;
    hi = (hi >>> 8) ^ TABLE_HI[t]!;
  }
  const out = Buffer.alloc(8);
  out.writeUInt32LE(~lo >>> 0, 0);
  out.writeUInt32LE(~hi >>> 0, 4);
  return out;
}

/** Verifies the stored check of a block's uncompressed data; unknown check types are skipped. */
export function verifyCheck(id: number, data: Uint8Array, stored: Uint8Array): void {
  let computed: Uint8Array | undefined;
  if (id === 1) {
    computed = Buffer.alloc(4);
    (computed as Buffer).writeUInt32LE(crc32(data), 0);
  } else if (id === 4) {
    computed = wasmCrc64(data) ?? crc64(data);
  } else if (id === 10) {
    computed = createHash('sha256').update(data).digest();
  }
  if (computed && !Buffer.from(computed).equals(Buffer.from(stored.buffer, stored.byteOffset, stored.length))) {
    throw new FormatError('xz: block check does not match its data (corrupt stream)');
  }
}

/** CRC32 of a header field against the little-endian value stored after it. */
export function verifyCrc32(what: string, data: Uint8Array, stored: number): void {
  if (crc32(data) !== stored) throw new FormatError(`xz: ${what} CRC32 does not match`);
}
