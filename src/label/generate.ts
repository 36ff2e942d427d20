import type { Manifest } from '../manifest/index.js';
import type { Report } from '../report/types.js';
import { labelFacts, qrContent, type LabelFacts, type LabelFactsOptions } from './facts.js';
import type { LabelLayout } from './render/layout.js';
import { signLabel } from './sign.js';
import type { LabelSigningKey } from './types.js';

export interface GeneratedLabel {
  readonly facts: LabelFacts;
  readonly jws: string;
  /** What the QR code holds. */
  readonly url: string;
  readonly layout: LabelLayout;
  readonly svg: string;
  readonly png: Buffer;
  readonly pdf: Buffer;
}

/**
 * Builds, signs and renders the consumer security label of an assessed product. The renderers (PDFKit with
 * its fonts, the QR encoder, resvg) load on first use, so that verifying labels does not pay for them.
 */
export async function generateLabel(report: Report, manifest: Manifest, key: LabelSigningKey, options: LabelFactsOptions & { dpi?: number }): Promise<GeneratedLabel> {
  const [{ layoutLabel }, { renderPdf }, { renderPng }, { renderSvg }] = await Promise.all([
    import('./render/layout.js'), import('./render/pdf.js'), import('./render/png.js'), import('./render/svg.js'),
  ]);
  const facts = labelFacts(report, manifest, options);
  const jws = await signLabel(facts.payload, key);
  const url = qrContent(facts, jws);
  const layout = layoutLabel(facts, url);
  const svg = renderSvg(layout, facts, jws);
  return { facts, jws, url, layout, svg, png: renderPng(svg, layout.width, jws, options.dpi), pdf: await renderPdf(layout, facts, options.now) };
}
