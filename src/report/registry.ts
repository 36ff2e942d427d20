import { htmlRenderer } from './html/index.js';
import { icsCsvRenderer, icsMarkdownRenderer } from './ics/index.js';
import { jsonRenderer } from './json.js';
import { markdownRenderer } from './markdown/index.js';
import type { Renderer } from './renderer.js';
import { sarifRenderer } from './sarif/index.js';

/** Every report format, in the order `--out-dir` writes them. */
export const RENDERERS: readonly Renderer[] = [
  jsonRenderer, htmlRenderer, sarifRenderer, markdownRenderer, icsCsvRenderer, icsMarkdownRenderer,
];

export function rendererFor(id: string): Renderer | undefined {
  return RENDERERS.find((r) => r.id === id);
}
