import type { LabelFacts } from '../facts.js';
import { svgMetadata } from './embedded.js';
import { FONTS } from './fonts.js';
import { mm, qrRuns, type LabelLayout, type Shape } from './layout.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The label as SVG in millimetres. Every fact is real text (selectable, read by screen readers), the whole label
 * has a title and a description that reads it out, the QR code has its own title, and the signed label travels in
 * `<metadata>` so the file verifies on its own.
 */
export function renderSvg(layout: LabelLayout, facts: LabelFacts, jws: string): string {
  const description = [
    `${facts.product} by ${facts.manufacturer}.`,
    ...facts.lines.map((l) => `${l.text}${l.verdict === 'info' ? '' : ` (${l.verdict})`}.`),
    `Label ${facts.payload.lid}; the QR code links to ${layout.qrContent.split('?')[0]!} and carries the signed label.`,
  ].join(' ');
  const body = layout.shapes.map(shape).join('\n  ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${mm(layout.width)}mm" height="${mm(layout.height)}mm" viewBox="0 0 ${mm(layout.width)} ${mm(layout.height)}" role="img" aria-labelledby="label-title label-desc" lang="en">
  <title id="label-title">Consumer IoT security label: ${esc(facts.product)}</title>
  <desc id="label-desc">${esc(description)}</desc>
  <metadata>${svgMetadata(esc(jws))}</metadata>
  <rect x="0" y="0" width="${mm(layout.width)}" height="${mm(layout.height)}" fill="#ffffff"/>
  <g font-family="${FONTS.family}, Arial, Helvetica, sans-serif">
  ${body}
  </g>
</svg>
`;
}

function shape(s: Shape): string {
  switch (s.kind) {
    case 'rect': return `<rect x="${mm(s.x)}" y="${mm(s.y)}" width="${mm(s.w)}" height="${mm(s.h)}" fill="${s.fill}"/>`;
    case 'circle': return `<circle cx="${mm(s.cx)}" cy="${mm(s.cy)}" r="${mm(s.r)}" fill="${s.fill}" aria-hidden="true"/>`;
    case 'path': return `<path d="${s.d}" stroke="${s.stroke}" stroke-width="${mm(s.width)}" fill="none" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"/>`;
    case 'text': return `<text x="${mm(s.x)}" y="${mm(s.y)}" font-size="${mm(s.size)}" font-weight="${s.bold ? 700 : 400}" fill="${s.fill}">${esc(s.text)}</text>`;
    case 'qr': {
      const d = qrRuns(s.qr).map((r) => `M${r.x} ${r.y}h${r.w}v1h-${r.w}z`).join('');
      return `<g transform="translate(${mm(s.x)} ${mm(s.y)}) scale(${mm(s.module)})"><title>QR code: scan to check this label</title><path d="${d}" fill="#000000" shape-rendering="crispEdges"/></g>`;
    }
  }
}
