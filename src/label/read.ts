import { Resvg } from '@resvg/resvg-js';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { FONTS } from './render/fonts.js';
import { jwsFromSvg, PNG_KEYWORD } from './render/embedded.js';

// jsqr is a CommonJS webpack bundle: under NodeNext the callable may sit on `.default`.
type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = ((jsQRModule as unknown as { default?: JsQr }).default ?? jsQRModule) as unknown as JsQr;

/** Largest label image accepted for decoding (pixels), so a hostile file cannot exhaust memory. */
const MAX_PIXELS = 40_000_000;

export interface ReadLabel {
  /** What the QR code says, when one was found. */
  readonly qr?: string;
  /** The signed label embedded in the file's metadata, when there is one. */
  readonly embedded?: string;
  readonly problem?: string;
}

/** Reads a label PNG: decodes its QR code as a phone would (jsQR over the pixels) and its embedded signed label. */
export function readPng(bytes: Buffer): ReadLabel {
  let image: { width: number; height: number; data: Buffer };
  try {
    if (bytes.length > 24 && bytes.readUInt32BE(16) * bytes.readUInt32BE(20) > MAX_PIXELS) return { problem: 'the image is too large' };
    image = PNG.sync.read(bytes);
  } catch (error) {
    return { problem: `not a readable PNG: ${(error as Error).message}` };
  }
  const embedded = pngText(bytes, PNG_KEYWORD);
  const qr = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height);
  return { ...(qr ? { qr: qr.data } : {}), ...(embedded ? { embedded } : {}) };
}

/** Reads a label SVG: renders it (bundled fonts only) and decodes the QR code, and reads the embedded signed label. */
export function readSvg(svg: string): ReadLabel {
  const embedded = jwsFromSvg(svg);
  let rendered;
  try {
    const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: 945 }, font: { loadSystemFonts: false, fontFiles: [FONTS.regular, FONTS.bold] }, background: '#ffffff' });
    rendered = resvg.render();
  } catch (error) {
    return { ...(embedded ? { embedded } : {}), problem: `not a renderable SVG: ${(error as Error).message}` };
  }
  const qr = jsQR(new Uint8ClampedArray(rendered.pixels), rendered.width, rendered.height);
  return { ...(qr ? { qr: qr.data } : {}), ...(embedded ? { embedded } : {}) };
}

/** The text of a tEXt chunk with this keyword, walking the chunks with bounds checks. */
function pngText(bytes: Buffer, keyword: string): string | undefined {
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    if (offset + 12 + length > bytes.length) return undefined;
    if (type === 'tEXt') {
      const data = bytes.subarray(offset + 8, offset + 8 + length);
      const zero = data.indexOf(0);
      if (zero > 0 && data.toString('latin1', 0, zero) === keyword) return data.toString('latin1', zero + 1);
    }
    if (type === 'IEND') return undefined;
    offset += 12 + length;
  }
  return undefined;
}
