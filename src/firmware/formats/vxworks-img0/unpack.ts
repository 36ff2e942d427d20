// Unpacks a VxWorks IMG0 image into its sections; the driver identifies each (LZMA, a nested IMG0, MFS...).
import { clip } from '../../container/payload.js';
import type { ByteSource, Probe, UnpackContext, Unpacked } from '../../types.js';
import { parseImg0 } from './img0.js';
import type { Img0Header } from './img0.js';

function describe(h: Img0Header): string {
  const list = h.sections.map((s) => `${s.length} bytes at 0x${s.offset.toString(16)}`).join(', ');
  return `VxWorks IMG0 image (TP-Link), ${h.size} bytes, product 0x${h.product.toString(16)}, sections: ${list}`;
}

export function probeImg0(src: ByteSource): Probe | null {
  try {
    const h = parseImg0(src);
    const { length, note } = clip(h.size, src);
    return { length, description: `${describe(h)}${note}` };
  } catch {
    return null;
  }
}

export function unpackImg0(src: ByteSource, ctx: UnpackContext): Unpacked {
  const h = parseImg0(src);
  const end = Math.min(h.size, src.size);
  if (end < h.size) ctx.warn(`IMG0: image truncated, header says ${h.size} bytes, ${src.size} present`);
  const blobs = h.sections.flatMap((s, i) => {
    const size = Math.min(s.length, Math.max(0, end - s.offset));
    if (size < s.length) ctx.warn(`IMG0: section ${i} truncated, ${size} of ${s.length} bytes present`);
    return size > 0 ? [{ name: `section-${i}`, offset: s.offset, source: src.slice(s.offset, size), description: `IMG0 section ${i}, ${size} bytes` }] : [];
  });
  return { kind: 'blobs', blobs, length: end };
}
