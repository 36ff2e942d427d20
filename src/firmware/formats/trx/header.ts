// Broadcom TRX header (little-endian): "HDR0", total length, CRC-32 over everything after the CRC field,
// flags (low 16 bits) and version (high 16 bits), then 3 (v1) or 4 (v2) partition offsets from the header start.
import { expect } from '../../errors.js';
import { BinaryReader } from '../../source/index.js';
import type { ByteSource } from '../../types.js';

export const TRX_MAGIC = Buffer.from('HDR0', 'latin1');
/** Offset of the first byte the CRC covers (the flags/version word). */
export const CRC_START = 12;

export interface TrxHeader {
  readonly length: number;
  readonly crc: number;
  readonly flags: number;
  readonly version: 1 | 2;
  readonly headerSize: number;
  readonly offsets: readonly number[];
}

export function parseTrxHeader(src: ByteSource): TrxHeader {
  expect(src.size >= 28, 'TRX: shorter than the header');
  const r = new BinaryReader(src.read(0, Math.min(32, src.size)), true, 'TRX header');
  expect(r.bytes(4).equals(TRX_MAGIC), 'TRX: bad magic');
  const length = r.u32();
  const crc = r.u32();
  const flagVersion = r.u32();
  const version = flagVersion >>> 16;
  expect(version === 1 || version === 2, `TRX: unknown version ${version}`);
  const count = version === 1 ? 3 : 4;
  expect(r.remaining >= count * 4, 'TRX: truncated v2 header');
  const offsets = Array.from({ length: count }, () => r.u32());
  const headerSize = 16 + count * 4;
  expect(length >= headerSize, `TRX: length ${length} shorter than its header`);
  return { length, crc, flags: flagVersion & 0xffff, version, headerSize, offsets };
}
