// The linux-kernel plug-in: x86 bzImage, ARM zImage (either byte order) and the decompressed kernel (vmlinux
// ELF). Containers hand out the decompressed kernel; the kernel's banner and built-in initramfs are reported.
import { clip, outputCap, payloadBlob } from '../../container/payload.js';
import type { Blob } from '../../container/payload.js';
import { expect, FormatError } from '../../errors.js';
import type { ByteSource, Probe, UnpackContext, Unpacked } from '../../types.js';
import { parseBzImage } from './bzimage.js';
import { elfSections, isElf } from './elf.js';
import { gzipMemberLength } from './gzip-span.js';
import { compressionAt, findCompression } from './magics.js';
import type { Compression } from './magics.js';
import { isVmlinuxElf, kernelFacts } from './vmlinux.js';
import { parseZImage } from './zimage.js';

/** Largest zImage read whole for carving (real ones are a few MiB). */
const MAX_ZIMAGE = 64 * 1024 * 1024;

type Form = 'bzImage' | 'zImage' | 'vmlinux';

function formOf(src: ByteSource): Form | undefined {
  const attempts: [Form, () => unknown][] = [
    ['bzImage', () => parseBzImage(src)],
    ['zImage', () => parseZImage(src)],
    ['vmlinux', () => expect(isElf(src) && isVmlinuxElf(elfSections(src)), 'not a kernel ELF')],
  ];
  for (const [form, parse] of attempts) {
    try {
      parse();
      return form;
    } catch (error) {
      if (!(error instanceof FormatError)) throw error;
    }
  }
  return undefined;
}

function describeBzImage(src: ByteSource): Probe {
  const h = parseBzImage(src);
  const c = compressionAt(src.read(h.payloadOffset, Math.min(16, h.payloadLength)), 0);
  const { length, note } = clip(h.length, src);
  return { length, description: `Linux x86 bzImage, boot protocol ${h.protocol}, version ${h.version ?? 'unknown'}, ${c?.name ?? 'unknown'}-compressed kernel of ${h.payloadLength} bytes at ${h.payloadOffset}${note}` };
}

export function probeLinuxKernel(src: ByteSource): Probe | null {
  try {
    const form = formOf(src);
    if (form === 'bzImage') return describeBzImage(src);
    if (form === 'zImage') {
      const z = parseZImage(src);
      return { length: Math.min(z.length, src.size), description: `Linux ARM zImage (${z.endian === 'LE' ? 'little' : 'big'}-endian), ${z.length} bytes` };
    }
    if (form === 'vmlinux') return { length: src.size, description: `Linux kernel ELF (vmlinux), ${kernelFacts(src, 0).banner ?? 'no version banner'}` };
    return null;
  } catch {
    return null;
  }
}

/** The decompressed kernel, described with its banner; a raw (non-ELF) kernel also yields its initramfs here. */
function kernelBlobs(payload: Blob, ctx: UnpackContext): Blob[] {
  if (payload.offset !== undefined) return [payload];
  const facts = kernelFacts(payload.source, ctx.limits.maxEntries);
  const kernel = { ...payload, description: `${payload.description ?? 'kernel'}; ${facts.banner ?? 'no version banner found'}` };
  // An ELF vmlinux is probed again by this plug-in (form vmlinux), which reports the initramfs there.
  if (facts.elf || !facts.initramfs) return [kernel];
  const i = facts.initramfs;
  return [kernel, { name: 'initramfs', source: payload.source.slice(i.offset, i.length), description: `built-in initramfs (${i.compression ?? 'cpio'}), ${i.length} bytes at ${i.offset} of the kernel` }];
}

function unpackBzImage(src: ByteSource, ctx: UnpackContext): Unpacked {
  const h = parseBzImage(src);
  const c: Compression | undefined = compressionAt(src.read(h.payloadOffset, Math.min(16, h.payloadLength)), 0);
  if (!c) ctx.warn('bzImage: payload compression not recognised, kept raw');
  // Every compressor but gzip gets the kernel size appended (scripts/Makefile.lib size_append): not stream data.
  const trailer = c !== undefined && c.name !== 'gzip' && h.payloadLength > 4;
  const expectedSize = src.read(h.payloadOffset + h.payloadLength - 4, 4).readUInt32LE(0);
  const source = src.slice(h.payloadOffset, h.payloadLength - (trailer ? 4 : 0));
  const payload = payloadBlob({ name: 'vmlinux', offset: h.payloadOffset, source, codec: c?.codec, description: `${c?.name ?? 'unknown'}-compressed kernel, ${expectedSize} bytes uncompressed`, expectedSize }, ctx);
  return { kind: 'blobs', blobs: kernelBlobs(payload, ctx), length: Math.min(h.length, src.size) };
}

function unpackZImage(src: ByteSource, ctx: UnpackContext): Unpacked {
  const z = parseZImage(src);
  const length = Math.min(z.length, src.size, MAX_ZIMAGE);
  if (z.length > src.size) ctx.warn(`zImage: truncated, header says ${z.length} bytes, ${src.size} present`);
  const bytes = src.read(0, length);
  const found = findCompression(bytes, 0x30, length);
  if (!found) {
    ctx.warn('zImage: no compressed kernel found in the decompressor stub');
    return { kind: 'blobs', blobs: [], length };
  }
  const gzipEnd = found.c.name === 'gzip' ? gzipMemberLength(bytes.subarray(found.at), outputCap(ctx, length)) : undefined;
  const size = gzipEnd ?? length - found.at;
  const payload = payloadBlob({ name: 'Image', offset: found.at, source: src.slice(found.at, size), codec: found.c.codec, description: `${found.c.name}-compressed kernel carved at ${found.at}` }, ctx);
  return { kind: 'blobs', blobs: kernelBlobs(payload, ctx), length };
}

function unpackVmlinux(src: ByteSource, ctx: UnpackContext): Unpacked {
  const i = kernelFacts(src, ctx.limits.maxEntries).initramfs;
  const blobs = i ? [{ name: 'initramfs', offset: i.offset, source: src.slice(i.offset, i.length), description: `built-in initramfs (${i.compression ?? 'cpio'}), ${i.length} bytes` }] : [];
  return { kind: 'blobs', blobs, length: src.size };
}

export function unpackLinuxKernel(src: ByteSource, ctx: UnpackContext): Unpacked {
  const form = formOf(src);
  if (form === 'bzImage') return unpackBzImage(src, ctx);
  if (form === 'zImage') return unpackZImage(src, ctx);
  if (form === 'vmlinux') return unpackVmlinux(src, ctx);
  throw new FormatError('linux-kernel: not a bzImage, zImage or vmlinux');
}
