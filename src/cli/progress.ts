import type { Io } from './io.js';

/** A one-line status on stderr, only when stderr is a terminal and not --quiet. */
export interface Progress {
  update(message: string, fraction?: number): void;
  done(): void;
}

const SILENT: Progress = { update() {}, done() {} };

export function createProgress(io: Io, quiet: boolean): Progress {
  if (quiet || !io.errIsTTY) return SILENT;
  let last = 0;
  let shown = false;
  return {
    update(message, fraction) {
      const now = Date.now();
      if (now - last < 80 && fraction !== 1) return;
      last = now;
      const bar = fraction === undefined ? '' : `[${'#'.repeat(Math.round(fraction * 20)).padEnd(20, '.')}] ${Math.round(fraction * 100)}% `;
      const text = `${bar}${message}`.slice(0, Math.max(20, io.columns - 1));
      io.err(`\r\u001b[2K${text}`);
      shown = true;
    },
    done() {
      if (shown) io.err('\r\u001b[2K');
      shown = false;
    },
  };
}
