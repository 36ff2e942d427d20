// A CLI Io that records what a command prints, for tests of the commands.
import type { Io } from '../cli/io.js';

export interface CapturedIo {
  readonly io: Io;
  out(): string;
  err(): string;
}

export function captureIo(overrides: Partial<Io> = {}): CapturedIo {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    isTTY: false,
    errIsTTY: false,
    color: false,
    columns: 100,
    env: {},
    cwd: process.cwd(),
    ...overrides,
  };
  return { io, out: () => out, err: () => err };
}
