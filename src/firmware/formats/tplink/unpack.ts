// Unpacks a TP-Link v1 firmware: the kernel and rootfs regions the header names, or, for an image that bundles
// the bootloader (a second TP-Link header 0x20200 bytes in), the bootloader and the inner firmware.
import { clip } from '../../container/payload.js';
import type { Blob } from '../../container/payload.js';
import type { ByteSource, Probe, UnpackContext, Unpacked } from '../../types.js';
import { describeHeader, HEADER_SIZE, parseTpLinkHeader, TPLINK_MAGIC } from './header.js';
import type { TpLinkHeader } from './header.js';
import { verifyMd5 } from './md5.js';

/** Where the inner firmware starts in bootloader-bundled images: header plus a 128 KiB bootloader slot. */
const INNER_AT = HEADER_SIZE + 0x20000;

export function probeTpLink(src: ByteSource): Probe | null {
  try {
    const h = parseTpLinkHeader(src);
    const { length, note } = clip(h.fwLength, src);
    return { length, description: `${describeHeader(h)}${note}` };
  } catch {
    return null;
  }
}

function hasInnerHeader(src: ByteSource, end: number): boolean {
  return end >= INNER_AT + TPLINK_MAGIC.length && src.read(INNER_AT, TPLINK_MAGIC.length).equals(TPLINK_MAGIC);
}

/** A region of the image clipped to what is present; a cut region is a warning, an absent one is skipped. */
function region(src: ByteSource, end: number, name: string, offset: number, length: number, ctx: UnpackContext): Blob | undefined {
  if (length === 0) return undefined;
  if (offset < HEADER_SIZE || offset >= end) {
    ctx.warn(`TP-Link: ${name} at ${offset} is outside the ${end} bytes present`);
    return undefined;
  }
  const size = Math.min(length, end - offset);
  if (size < length) ctx.warn(`TP-Link: ${name} truncated, ${size} of ${length} bytes present`);
  return { name, offset, source: src.slice(offset, size), description: `TP-Link ${name}, ${size} bytes` };
}

function blobsOf(src: ByteSource, h: TpLinkHeader, end: number, ctx: UnpackContext): Blob[] {
  if (hasInnerHeader(src, end)) {
    // The outer header's kernel/rootfs fields are copies of the inner header's, relative to the inner image.
    const bootLen = h.boot.length > 0 && h.boot.length <= INNER_AT - HEADER_SIZE ? h.boot.length : INNER_AT - HEADER_SIZE;
    return [region(src, end, 'bootloader', HEADER_SIZE, bootLen, ctx), region(src, end, 'firmware', INNER_AT, end - INNER_AT, ctx)].filter((b): b is Blob => b !== undefined);
  }
  const parts: [string, { offset: number; length: number }][] = [['kernel', h.kernel], ['rootfs', h.rootfs], ['bootloader', h.boot]];
  return parts.map(([name, s]) => region(src, end, name, s.offset, s.length, ctx)).filter((b): b is Blob => b !== undefined);
}

export function unpackTpLink(src: ByteSource, ctx: UnpackContext): Unpacked {
  const h = parseTpLinkHeader(src);
  const end = Math.min(h.fwLength, src.size);
  if (end < h.fwLength) ctx.warn(`TP-Link: image truncated, header says ${h.fwLength} bytes, ${src.size} present; MD5 not checked`);
  else if (verifyMd5(src, end, h.md5) === undefined) ctx.warn(`TP-Link: MD5 mismatch (stored ${h.md5.toString('hex')})`);
  return { kind: 'blobs', blobs: blobsOf(src, h, end, ctx), length: end };
}
