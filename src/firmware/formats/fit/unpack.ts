// Unpacks a Flattened Image Tree: one blob per /images subnode (decompressed when its compression has a codec),
// hashes verified (a mismatch is a warning naming the image and algorithm), configurations described.
import { payloadBlob } from '../../container/payload.js';
import type { Blob, PayloadCodec } from '../../container/payload.js';
import { expect } from '../../errors.js';
import type { ByteSource, Probe, UnpackContext, Unpacked } from '../../types.js';
import { parseFdt } from '../device-tree/fdt.js';
import type { Fdt } from '../device-tree/fdt.js';
import { propNumber, propString } from '../device-tree/props.js';
import { isFit } from '../device-tree/unpack.js';
import { describeConfigurations, fitConfigurations } from './configurations.js';
import { fitImages, fitLength } from './images.js';
import type { FitImage } from './images.js';
import { verifyHash } from './verify.js';

/** FIT compression names (image.c `uimage_comp`) to codecs; lzo payloads are lzop files. */
const CODECS: Readonly<Record<string, PayloadCodec | undefined>> = { none: undefined, gzip: 'gzip', bzip2: 'bzip2', lzma: 'lzma', lzo: 'lzop', lz4: 'lz4-frame', zstd: 'zstd' };

function describeFit(src: ByteSource, fdt: Fdt, images: readonly FitImage[]): string {
  const title = propString(src, fdt.root, 'description');
  const time = propNumber(src, fdt.root, 'timestamp');
  const list = images.map((i) => `${i.name} (${i.type ?? '?'}, ${i.compression}${'length' in i.data ? `, ${i.data.length} bytes` : ''})`);
  const head = `FIT image${title === undefined ? '' : ` "${title}"`}${time === undefined ? '' : `, created ${new Date(time * 1000).toISOString()}`}`;
  return `${head}; images ${list.join(', ')}; ${describeConfigurations(fitConfigurations(src, fdt))}`;
}

export function probeFit(src: ByteSource): Probe | null {
  try {
    const fdt = parseFdt(src);
    if (!isFit(fdt)) return null;
    const images = fitImages(src, fdt);
    return { length: fitLength(fdt, images), description: describeFit(src, fdt, images) };
  } catch {
    return null;
  }
}

function imageBlob(src: ByteSource, img: FitImage, ctx: UnpackContext): Blob | undefined {
  if ('error' in img.data) {
    ctx.warn(`FIT image "${img.name}": ${img.data.error}`);
    return undefined;
  }
  const { offset, length, external } = img.data;
  const checks = img.hashes.map((h) => verifyHash(h, src, offset, length));
  for (const c of checks) if (c.status !== 'ok') ctx.warn(`FIT image "${img.name}": ${c.detail}`);
  if (!(img.compression in CODECS)) ctx.warn(`FIT image "${img.name}": unknown compression "${img.compression}", payload kept raw`);
  const facts = [img.type ?? 'untyped', img.description === undefined ? '' : `"${img.description}"`, external ? 'external data' : '', ...checks.map((c) => c.detail), img.signed ? 'signed (signature not verified)' : '']
    .filter((s) => s !== '')
    .join(', ');
  return payloadBlob({ name: img.name, offset, source: src.slice(offset, length), codec: CODECS[img.compression], description: `FIT image ${img.name}: ${facts}` }, ctx);
}

export function unpackFit(src: ByteSource, ctx: UnpackContext): Unpacked {
  const fdt = parseFdt(src);
  expect(isFit(fdt), 'FIT: device tree without /images');
  const images = fitImages(src, fdt);
  const blobs = images.map((img) => imageBlob(src, img, ctx)).filter((b): b is Blob => b !== undefined);
  return { kind: 'blobs', blobs, length: fitLength(fdt, images) };
}
