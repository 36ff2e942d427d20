// Multi-file images: the data starts with a table of big-endian u32 sizes ended by 0; the images follow,
// each padded to a 4-byte boundary except the last (u-boot's image_multi_getimg).
import { expect } from '../../errors.js';
import type { ByteSource } from '../../types.js';

/** More sub-images than any real multi-file image holds; caps the table scan on hostile input. */
const MAX_IMAGES = 256;

export interface SubImage {
  readonly offset: number;
  readonly size: number;
}

/** Sub-images of a multi-file payload, with offsets inside `data`; throws FormatError when they do not fit. */
export function multiImages(data: ByteSource): SubImage[] {
  const sizes: number[] = [];
  for (let at = 0; ; at += 4) {
    expect(sizes.length <= MAX_IMAGES, `uImage multi: more than ${MAX_IMAGES} sub-images`);
    expect(at + 4 <= data.size, 'uImage multi: size table runs past the data');
    const size = data.read(at, 4).readUInt32BE(0);
    if (size === 0) break;
    sizes.push(size);
  }
  let offset = (sizes.length + 1) * 4;
  return sizes.map((size, i) => {
    expect(offset + size <= data.size, `uImage multi: image ${i} (${size} bytes at ${offset}) runs past the ${data.size}-byte data`);
    const image = { offset, size };
    offset += Math.ceil(size / 4) * 4;
    return image;
  });
}
