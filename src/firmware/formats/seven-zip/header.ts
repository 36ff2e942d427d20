// The 32-byte signature header of a 7z archive (7-Zip's 7zFormat.txt): signature, version, the CRC-32 of the
// next 20 bytes ("start header"), and the offset, size and CRC-32 of the next (end) header, which give the
// archive's length without reading it.
import { crc32 } from 'node:zlib';
import { expect } from '../../errors.js';
import { BinaryReader } from '../../source/index.js';
import type { ByteSource } from '../../types.js';

export const SEVEN_ZIP_MAGIC = Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]);
export const SIGNATURE_HEADER = 32;

export interface SevenZipHeader {
  readonly version: string;
  readonly nextHeaderOffset: number;
  readonly nextHeaderSize: number;
  readonly nextHeaderCrc: number;
  /** Signature header plus packed streams plus the end header. */
  readonly length: number;
}

export function parseSevenZip(src: ByteSource): SevenZipHeader {
  expect(src.size >= SIGNATURE_HEADER, '7z: shorter than the signature header');
  const raw = src.read(0, SIGNATURE_HEADER);
  const r = new BinaryReader(raw, true, '7z signature header');
  expect(r.bytes(6).equals(SEVEN_ZIP_MAGIC), '7z: bad signature');
  const version = `${r.u8()}.${r.u8()}`;
  const startCrc = r.u32();
  expect((crc32(raw.subarray(12, 32)) >>> 0) === startCrc, '7z: start header CRC mismatch');
  const nextHeaderOffset = r.u64();
  const nextHeaderSize = r.u64();
  const nextHeaderCrc = r.u32();
  const length = SIGNATURE_HEADER + nextHeaderOffset + nextHeaderSize;
  expect(Number.isSafeInteger(length), '7z: length overflows');
  return { version, nextHeaderOffset, nextHeaderSize, nextHeaderCrc, length };
}
