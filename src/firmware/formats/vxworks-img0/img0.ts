// The IMG0 header of TP-Link's VxWorks firmware (big-endian, 128 bytes): "IMG0", the image size counted from
// the magic, product words, and from +0x40 a table of up to 8 (offset, length) pairs, relative to the magic,
// that locate the sections (compressed OS image, web filesystem, ...). Layout inferred from real images: no
// public specification exists.
import { expect } from '../../errors.js';
import { BinaryReader } from '../../source/index.js';
import type { ByteSource } from '../../types.js';

export const IMG0_MAGIC = Buffer.from('IMG0', 'latin1');
export const HEADER_SIZE = 0x80;
const TABLE_AT = 0x40;

export interface Img0Section {
  readonly offset: number;
  readonly length: number;
}

export interface Img0Header {
  readonly size: number;
  readonly product: number;
  readonly sections: readonly Img0Section[];
}

export function parseImg0(src: ByteSource): Img0Header {
  expect(src.size >= HEADER_SIZE, 'IMG0: shorter than the 128-byte header');
  const r = new BinaryReader(src.read(0, HEADER_SIZE), false, 'IMG0 header');
  expect(r.bytes(4).equals(IMG0_MAGIC), 'IMG0: bad magic');
  const size = r.u32();
  const product = r.u32();
  expect(size > HEADER_SIZE, `IMG0: size ${size} not larger than the header`);
  r.seek(TABLE_AT);
  const sections: Img0Section[] = [];
  while (r.remaining >= 8) {
    const offset = r.u32();
    const length = r.u32();
    if (offset === 0 && length === 0) break;
    expect(offset >= HEADER_SIZE && length <= size - Math.min(offset, size) && offset < size, `IMG0: section ${sections.length} (${length} bytes at ${offset}) outside the ${size}-byte image`);
    sections.push({ offset, length });
  }
  expect(sections.length > 0, 'IMG0: empty section table');
  return { size, product, sections };
}
