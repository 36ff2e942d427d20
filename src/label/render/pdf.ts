import PDFDocument from 'pdfkit';
import type { LabelFacts } from '../facts.js';
import { FONTS } from './fonts.js';
import { qrRuns, type LabelLayout } from './layout.js';

const PT_PER_MM = 72 / 25.4;

/**
 * The print-ready label: one page of exactly the label's size, vector text in the embedded Inter font, the QR code
 * as vector rectangles, and a fixed creation date so equal labels give equal files.
 */
export async function renderPdf(layout: LabelLayout, facts: LabelFacts, issued: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [layout.width * PT_PER_MM, layout.height * PT_PER_MM], margin: 0,
    info: { Title: `Security label: ${facts.product}`, Author: facts.manufacturer, Subject: `Label ${facts.payload.lid}`, Creator: 'iotcop', Producer: 'iotcop', CreationDate: issued, ModDate: issued },
    lang: 'en-GB', displayTitle: true, pdfVersion: '1.7',
  });
  const done = collect(doc);
  doc.scale(PT_PER_MM);
  for (const s of layout.shapes) {
    if (s.kind === 'rect') doc.rect(s.x, s.y, s.w, s.h).fill(s.fill);
    else if (s.kind === 'circle') doc.circle(s.cx, s.cy, s.r).fill(s.fill);
    else if (s.kind === 'path') doc.path(s.d).lineWidth(s.width).lineCap('round').lineJoin('round').stroke(s.stroke);
    else if (s.kind === 'text') {
      // The layout gives the baseline, as SVG does.
      doc.font(s.bold ? FONTS.bold : FONTS.regular).fontSize(s.size).fillColor(s.fill);
      doc.text(s.text, s.x, s.y, { lineBreak: false, baseline: 'alphabetic' });
    } else {
      for (const r of qrRuns(s.qr)) doc.rect(s.x + r.x * s.module, s.y + r.y * s.module, r.w * s.module, s.module);
      doc.fill('#000000');
    }
  }
  doc.end();
  return done;
}

export function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
