import type { Renderer } from '../renderer.js';
import { renderDocument } from './document.js';

/** A self-contained HTML report (inline CSS, optional inline JS, no external resources) for people. */
export const htmlRenderer: Renderer = {
  id: 'html',
  title: 'HTML report for people (self-contained)',
  fileName: 'report.html',
  mediaType: 'text/html; charset=utf-8',
  render: renderDocument,
};
