// Unpacks a legacy uImage: checks both CRCs (a mismatch is logged, not fatal: vendors patch headers) and
// hands out the payload, decompressed per the header when the codec exists.
import { crc32Of } from '../../container/checksum.js';
import { clip, payloadBlob } from '../../container/payload.js';
import type { Blob } from '../../container/payload.js';
import type { ByteSource, Probe, UnpackContext, Unpacked } from '../../types.js';
import { describeHeader, hex, HEADER_SIZE, parseHeader, plausible } from './header.js';
import type { UImageHeader } from './header.js';
import { multiImages } from './multi.js';
import { compCodec, compName, IH_TYPE_MULTI, typeName } from './names.js';

export function probeUImage(src: ByteSource): Probe | null {
  try {
    const h = parseHeader(src);
    if (h.headerCrc !== h.computedHeaderCrc && !plausible(h)) return null;
    const { length, note } = clip(HEADER_SIZE + h.dataSize, src);
    return { length, description: `${describeHeader(h)}${note}` };
  } catch {
    return null;
  }
}

function checkCrcs(h: UImageHeader, data: ByteSource, truncated: boolean, ctx: UnpackContext): void {
  if (h.headerCrc !== h.computedHeaderCrc) ctx.warn(`uImage header CRC mismatch: stored ${hex(h.headerCrc)}, computed ${hex(h.computedHeaderCrc)}`);
  if (truncated) return;
  const dcrc = crc32Of(data);
  if (dcrc !== h.dataCrc) ctx.warn(`uImage data CRC mismatch: stored ${hex(h.dataCrc)}, computed ${hex(dcrc)}`);
}

function blobsOf(h: UImageHeader, data: ByteSource, ctx: UnpackContext): Blob[] {
  const codec = compCodec(h.comp);
  if (h.type !== IH_TYPE_MULTI) {
    return [payloadBlob({ name: 'payload', offset: HEADER_SIZE, source: data, codec, description: `${typeName(h.type)}, ${compName(h.comp)}` }, ctx)];
  }
  // u-boot applies the header's compression to the first sub-image (the OS) only; the rest load as stored.
  return multiImages(data).map((img, i) =>
    payloadBlob(
      {
        name: `image-${i}`,
        offset: HEADER_SIZE + img.offset,
        source: data.slice(img.offset, img.size),
        codec: i === 0 ? codec : undefined,
        description: `multi-file sub-image ${i}, ${img.size} bytes`,
      },
      ctx,
    ),
  );
}

export function unpackUImage(src: ByteSource, ctx: UnpackContext): Unpacked {
  const h = parseHeader(src);
  const available = src.size - HEADER_SIZE;
  const truncated = h.dataSize > available;
  if (truncated) ctx.warn(`uImage data is truncated: header says ${h.dataSize} bytes, ${available} present`);
  const data = src.slice(HEADER_SIZE, Math.min(h.dataSize, available));
  checkCrcs(h, data, truncated, ctx);
  return { kind: 'blobs', blobs: blobsOf(h, data, ctx), length: HEADER_SIZE + data.size };
}
