import type { Report } from './types.js';

/** A report format: turns a Report into the bytes of one file. Renderers are pure and deterministic. */
export interface Renderer {
  /** The value of `--format`. */
  readonly id: string;
  readonly title: string;
  /** File name used by `--out-dir` (e.g. `report.json`). */
  readonly fileName: string;
  readonly mediaType: string;
  render(report: Report): string;
}
