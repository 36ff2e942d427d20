import type { Io } from '../io.js';

/** Start drawing only when a step takes this long, so quick runs print nothing. */
const DELAY_MS = 400;
const FRAME_MS = 100;

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal and not with --quiet. It appears
 * once the work has taken a moment (large images) and is erased before any other output.
 */
export class ProgressBar {
  private readonly enabled: boolean;
  private readonly started = performance.now();
  private last = 0;
  private drawn = false;

  constructor(private readonly io: Io, quiet: boolean) {
    this.enabled = io.errIsTTY && !quiet;
  }

  update(label: string, done: number, total: number): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.started < DELAY_MS || now - this.last < FRAME_MS) return;
    this.last = now;
    const width = 30;
    const fraction = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(fraction * width);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
    const text = `[${bar}] ${(fraction * 100).toFixed(0).padStart(3)}% ${label}`;
    this.io.err(`\r${text.slice(0, Math.max(20, this.io.columns - 1)).padEnd(this.io.columns - 1)}`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.io.err(`\r${' '.repeat(this.io.columns - 1)}\r`);
    this.drawn = false;
  }
}
