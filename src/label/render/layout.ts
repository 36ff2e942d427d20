import PDFDocument from 'pdfkit';
import type { LabelFacts, LabelLine } from '../facts.js';
import { FONTS } from './fonts.js';
import { qrMatrix, qrRuns, type QrMatrix } from './qr.js';
import { MIN_TEXT_MM, WIDTH_MM } from './size.js';

// The label is laid out once, in millimetres, as a list of shapes that the SVG and PDF renderers both draw.

export type Shape =
  | { readonly kind: 'rect'; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly fill: string }
  | { readonly kind: 'text'; readonly x: number; readonly y: number; readonly size: number; readonly bold: boolean; readonly fill: string; readonly text: string }
  | { readonly kind: 'path'; readonly d: string; readonly stroke: string; readonly width: number }
  | { readonly kind: 'circle'; readonly cx: number; readonly cy: number; readonly r: number; readonly fill: string }
  | { readonly kind: 'qr'; readonly x: number; readonly y: number; readonly module: number; readonly qr: QrMatrix };

export interface LabelLayout {
  readonly width: number;
  readonly height: number;
  readonly shapes: readonly Shape[];
  readonly qrContent: string;
  readonly qr: QrMatrix;
}

const MARGIN = 2;
const INK = '#111111';
const COLOURS = { pass: '#1b7f3b', fail: '#b3261e', inconclusive: '#9a6700', 'not-applicable': '#5f6368', info: '#5f6368' } as const;

let measurer: PDFKit.PDFDocument | undefined;
/** Text width in mm with the real font metrics (the same font the renderers embed). */
function textWidth(text: string, size: number, bold: boolean): number {
  measurer ??= new PDFDocument({ autoFirstPage: false });
  return measurer.font(bold ? FONTS.bold : FONTS.regular).fontSize(size).widthOfString(text);
}

/** Greedy word wrap to a width in mm; a word longer than the line is split after "/", "@" or "." when it can be. */
export function wrap(text: string, size: number, bold: boolean, width: number): string[] {
  const tokens = text.split(' ').flatMap((word) => {
    const parts = textWidth(word, size, bold) <= width ? [word] : word.split(/(?<=[/@.])/);
    return parts.map((part, i) => ({ part, glued: i > 0 }));
  });
  const lines: string[] = [];
  let current = '';
  for (const { part, glued } of tokens) {
    const candidate = current === '' ? part : `${current}${glued ? '' : ' '}${part}`;
    if (current !== '' && textWidth(candidate, size, bold) > width) {
      lines.push(current);
      current = part;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines;
}

export function layoutLabel(facts: LabelFacts, qrContent: string): LabelLayout {
  const shapes: Shape[] = [];
  const inner = WIDTH_MM - 2 * MARGIN;
  let y = 0;
  const text = (t: string, size: number, bold: boolean, x = MARGIN, width = inner, fill = INK) => {
    for (const line of wrap(t, size, bold, width)) {
      y += size * 1.18;
      shapes.push({ kind: 'text', x, y, size, bold, fill, text: line });
    }
  };
  shapes.push({ kind: 'rect', x: 0, y: 0, w: WIDTH_MM, h: 7, fill: INK });
  shapes.push({ kind: 'text', x: MARGIN, y: 4.6, size: 3, bold: true, fill: '#ffffff', text: 'Security label' });
  y = 7.6;
  text(facts.product, 3.2, true);
  text(facts.manufacturer, MIN_TEXT_MM, false);
  y += 1.2;
  shapes.push({ kind: 'rect', x: MARGIN, y, w: inner, h: 0.25, fill: INK });
  y += 0.6;
  for (const line of facts.lines.slice(0, 3)) markedLine(line, 2.5, true);
  y += 0.8;
  for (const line of facts.lines.slice(3)) markedLine(line, MIN_TEXT_MM, false);
  y += 1.5;
  const qr = qrMatrix(qrContent);
  const qrSide = 21;
  const module = qrSide / (qr.size + 8);
  shapes.push({ kind: 'rect', x: MARGIN - 4 * module, y, w: qrSide, h: qrSide, fill: '#ffffff' });
  shapes.push({ kind: 'qr', x: MARGIN, y: y + 4 * module, module, qr });
  const qrTop = y;
  y += 2;
  const side = MARGIN + qrSide - 4 * module + 0.8;
  text('Scan to check', MIN_TEXT_MM, true, side, WIDTH_MM - side - 1);
  text('this label', MIN_TEXT_MM, true, side, WIDTH_MM - side - 1);
  y += 1;
  text(`ID ${facts.payload.lid}`, MIN_TEXT_MM, false, side, WIDTH_MM - side - 1);
  y = Math.max(y, qrTop + qrSide) + 0.5;
  return { width: WIDTH_MM, height: Math.ceil(y * 10) / 10, shapes, qrContent, qr };

  function markedLine(line: LabelLine, size: number, bold: boolean): void {
    const indent = MARGIN + 3.6;
    const top = y;
    text(line.text, size, bold, indent, WIDTH_MM - indent - MARGIN);
    const cy = top + size * 0.72;
    mark(line.verdict, MARGIN + 1.3, cy, 1.3);
    y += 0.7;
  }

  function mark(verdict: LabelLine['verdict'], cx: number, cy: number, r: number): void {
    const colour = COLOURS[verdict];
    if (verdict === 'info') {
      shapes.push({ kind: 'circle', cx, cy, r: r * 0.45, fill: colour });
      return;
    }
    shapes.push({ kind: 'circle', cx, cy, r, fill: colour });
    const s = r * 0.55;
    const d = verdict === 'pass' ? `M${f(cx - s)} ${f(cy)} L${f(cx - s * 0.2)} ${f(cy + s * 0.7)} L${f(cx + s)} ${f(cy - s * 0.7)}`
      : verdict === 'fail' ? `M${f(cx - s * 0.7)} ${f(cy - s * 0.7)} L${f(cx + s * 0.7)} ${f(cy + s * 0.7)} M${f(cx + s * 0.7)} ${f(cy - s * 0.7)} L${f(cx - s * 0.7)} ${f(cy + s * 0.7)}`
        : `M${f(cx - s * 0.7)} ${f(cy)} L${f(cx + s * 0.7)} ${f(cy)}`;
    shapes.push({ kind: 'path', d, stroke: '#ffffff', width: r * 0.32 });
  }
}

const f = (n: number) => n.toFixed(3).replace(/\.?0+$/, '');
export { f as mm, qrRuns };
