import { createInterface } from 'node:readline/promises';
import pc from 'picocolors';

/** Where a command writes, and how: colours only on a terminal and never with NO_COLOR. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** stdout is a terminal (tables and colours for people). */
  readonly isTTY: boolean;
  /** stderr is a terminal (progress bars). */
  readonly errIsTTY: boolean;
  readonly color: boolean;
  readonly columns: number;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Someone is at the keyboard: stdin and stdout are terminals. */
  readonly interactive: boolean;
  /** Asks a question on the terminal; resolves to the answer, or `fallback` when it is empty. */
  prompt(question: string, fallback: string): Promise<string>;
}

export function processIo(): Io {
  const env = process.env;
  const isTTY = Boolean(process.stdout.isTTY);
  const color = !('NO_COLOR' in env) && (isTTY || 'FORCE_COLOR' in env) && env.TERM !== 'dumb';
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    isTTY,
    errIsTTY: Boolean(process.stderr.isTTY),
    color,
    columns: process.stdout.columns || 100,
    env,
    cwd: process.cwd(),
    interactive: isTTY && Boolean(process.stdin.isTTY),
    async prompt(question, fallback) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        const answer = (await rl.question(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim();
        return answer || fallback;
      } finally {
        rl.close();
      }
    },
  };
}

/** Colour helpers that are no-ops when colour is off. */
export function palette(io: Io) {
  const c = pc.createColors(io.color);
  return {
    bold: c.bold, dim: c.dim, red: c.red, green: c.green, yellow: c.yellow, cyan: c.cyan, gray: c.gray,
    verdict(v: string): string {
      if (v === 'pass') return c.green(v);
      if (v === 'fail') return c.red(c.bold(v));
      if (v === 'inconclusive') return c.yellow(v);
      return c.gray(v);
    },
  };
}
