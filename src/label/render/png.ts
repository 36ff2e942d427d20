import { crc32 } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { PNG_KEYWORD } from './embedded.js';
import { FONTS } from './fonts.js';

/**
 * Rasterises the label SVG with resvg at `dpi` (600 by default: a 40 mm label is 945 pixels wide), with the bundled
 * Inter font only (system fonts are not consulted, so the output is the same on every machine), and embeds the
 * signed label in a tEXt chunk.
 */
export function renderPng(svg: string, widthMm: number, jws: string, dpi = 600): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round((widthMm / 25.4) * dpi) },
    font: { loadSystemFonts: false, fontFiles: [FONTS.regular, FONTS.bold], defaultFontFamily: FONTS.family, sansSerifFamily: FONTS.family },
    background: '#ffffff',
  });
  return withTextChunk(resvg.render().asPng(), PNG_KEYWORD, jws);
}

/** Inserts a tEXt chunk right after IHDR (PNG spec section 11.3.4.3). */
function withTextChunk(png: Buffer, keyword: string, text: string): Buffer {
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]);
  const type = Buffer.from('tEXt', 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])) >>> 0, 8 + data.length);
  const ihdrEnd = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}
