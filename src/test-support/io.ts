import type { Io } from '../cli/io.js';

/** An Io that records what a command prints, for CLI tests. */
export function captureIo(overrides: Partial<Io> = {}): Io & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (t) => { out += t; },
    err: (t) => { err += t; },
    isTTY: false,
    errIsTTY: false,
    color: false,
    columns: 120,
    env: {},
    cwd: process.cwd(),
    interactive: false,
    prompt: (_q, fallback) => Promise.resolve(fallback),
    ...overrides,
    stdout: () => out,
    stderr: () => err,
  };
}
