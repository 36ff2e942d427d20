// The ARM zImage header (arch/arm/boot/compressed/head.S): magic 0x016f2818 at 0x24, then the image's start
// and end addresses; the word order tells a little- from a big-endian kernel. The compressed kernel sits inside
// the decompressor stub with no pointer to it, so it is found by carving for compression signatures.
import { expect } from '../../errors.js';
import type { ByteSource } from '../../types.js';

const ZIMAGE_MAGIC = 0x016f2818;

export interface ZImage {
  readonly endian: 'LE' | 'BE';
  readonly length: number;
}

export function parseZImage(src: ByteSource): ZImage {
  expect(src.size >= 0x30, 'zImage: shorter than its header');
  const h = src.read(0x24, 12);
  const endian = h.readUInt32LE(0) === ZIMAGE_MAGIC ? 'LE' : h.readUInt32BE(0) === ZIMAGE_MAGIC ? 'BE' : undefined;
  expect(endian !== undefined, 'zImage: no magic at 0x24');
  const start = endian === 'LE' ? h.readUInt32LE(4) : h.readUInt32BE(4);
  const end = endian === 'LE' ? h.readUInt32LE(8) : h.readUInt32BE(8);
  expect(end > start, `zImage: end address 0x${end.toString(16)} not after start 0x${start.toString(16)}`);
  return { endian, length: end - start };
}

export const ZIMAGE_MAGIC_LE = Buffer.from([0x18, 0x28, 0x6f, 0x01]);
export const ZIMAGE_MAGIC_BE = Buffer.from([0x01, 0x6f, 0x28, 0x18]);
