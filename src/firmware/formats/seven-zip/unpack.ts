// A 7z archive is recognised and measured (an opaque layer): its contents are not extracted yet. The end
// header's CRC is verified when the archive is complete, so the length is trustworthy.
import { clip } from '../../container/payload.js';
import { crc32Of } from '../../container/checksum.js';
import type { ByteSource, Probe, UnpackContext, Unpacked } from '../../types.js';
import { parseSevenZip, SIGNATURE_HEADER } from './header.js';

export function probeSevenZip(src: ByteSource): Probe | null {
  try {
    const h = parseSevenZip(src);
    const { length, note } = clip(h.length, src);
    return { length, description: `7-zip archive v${h.version}, ${h.length} bytes (contents not extracted)${note}` };
  } catch {
    return null;
  }
}

export function unpackSevenZip(src: ByteSource, ctx: UnpackContext): Unpacked {
  const h = parseSevenZip(src);
  if (h.length > src.size) {
    ctx.warn(`7z: archive truncated, ${h.length} bytes declared, ${src.size} present`);
    return { kind: 'blobs', blobs: [], length: src.size };
  }
  const crc = crc32Of(src, SIGNATURE_HEADER + h.nextHeaderOffset, h.nextHeaderSize);
  if (crc !== h.nextHeaderCrc) ctx.warn(`7z: end header CRC mismatch (stored 0x${h.nextHeaderCrc.toString(16)}, computed 0x${crc.toString(16)})`);
  ctx.warn('7z: archive contents are not extracted (opaque layer)');
  return { kind: 'blobs', blobs: [], length: h.length };
}
