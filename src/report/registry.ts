import { jsonRenderer } from './json.js';
import type { Renderer } from './renderer.js';

/** Every report format, in the order `--out-dir` writes them. */
export const RENDERERS: readonly Renderer[] = [jsonRenderer];

export function rendererFor(id: string): Renderer | undefined {
  return RENDERERS.find((r) => r.id === id);
}
