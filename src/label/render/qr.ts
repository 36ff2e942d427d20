import QRCode from 'qrcode';

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  readonly size: number;
  readonly version: number;
  readonly level: 'L' | 'M';
  isDark(x: number, y: number): boolean;
}

/**
 * Encodes the label URL. Level M (15 % recovery) when it still fits version 15, else L: a printed label gets
 * scuffed, but at 40 mm every extra version makes the modules smaller and harder for a phone to read.
 */
export function qrMatrix(text: string): QrMatrix {
  let code = QRCode.create(text, { errorCorrectionLevel: 'M' });
  let level: 'L' | 'M' = 'M';
  if (code.version > 15) {
    code = QRCode.create(text, { errorCorrectionLevel: 'L' });
    level = 'L';
  }
  const { size, data } = code.modules;
  return { size, version: code.version, level, isDark: (x, y) => data[y * size + x] === 1 };
}

/** Dark modules merged into horizontal runs, as rectangles in module units (small SVG and PDF). */
export function qrRuns(qr: QrMatrix): { x: number; y: number; w: number }[] {
  const runs: { x: number; y: number; w: number }[] = [];
  for (let y = 0; y < qr.size; y++) {
    let x = 0;
    while (x < qr.size) {
      if (!qr.isDark(x, y)) { x++; continue; }
      const start = x;
      while (x < qr.size && qr.isDark(x, y)) x++;
      runs.push({ x: start, y, w: x - start });
    }
  }
  return runs;
}
