// One blob per LANCOM part: the payload after the part's RNTP2.00 header (an LZMA stream) or the stored part.
import type { ByteSource, Probe, UnpackContext, Unpacked } from '../../types.js';
import { parseLancom } from './pack.js';

export function probeLancom(src: ByteSource): Probe | null {
  try {
    const img = parseLancom(src);
    return { length: img.length, description: `LANCOM firmware (RNTP1.01), parts ${img.parts.map((p) => p.name).join(', ')}` };
  } catch {
    return null;
  }
}

export function unpackLancom(src: ByteSource, _ctx: UnpackContext): Unpacked {
  const img = parseLancom(src);
  const blobs = img.parts.map((p) => {
    const size = p.offset + p.length - p.dataOffset;
    const packed = p.uncompressedSize === undefined ? 'stored' : `RNTP2.00 header, ${p.uncompressedSize} bytes uncompressed`;
    return { name: p.name, offset: p.dataOffset, source: src.slice(p.dataOffset, size), description: `LANCOM part ${p.name}, flags 0x${p.flags.toString(16)}, ${packed}` };
  });
  return { kind: 'blobs', blobs, length: img.length };
}
