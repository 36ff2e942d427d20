// Test data for the codec tests: deterministic samples of the shapes that matter to a decompressor
// (incompressible, text, long runs, empty, multi-megabyte) and helpers to compress them with real tools.
import assert from 'node:assert/strict';
import { FormatError } from '../firmware/errors.js';
import { hasTool, run } from './corpus.js';

/** xorshift32 bytes: incompressible but reproducible. */
export function randomBytes(n: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const WORDS = 'the device shall not use universal default passwords and must keep software updated securely'.split(' ');

/** Text-like data with a skewed vocabulary. */
export function textBytes(n: number): Buffer {
  const parts: string[] = [];
  let len = 0;
  let x = 12345;
  while (len < n) {
    x = (x * 1103515245 + 12345) >>> 0;
    const w = `${WORDS[(x >>> 16) % WORDS.length]!}${(x & 7) === 0 ? `\n${x % 1000}: ` : ' '}`;
    parts.push(w);
    len += w.length;
  }
  return Buffer.from(parts.join('')).subarray(0, n);
}

/** Long runs and short-period repeats (overlapping matches). */
export function repetitiveBytes(n: number): Buffer {
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = i % 65536 < 30000 ? 0 : (i % 3) * 7;
  return out;
}

/** The standard samples; `large` is several megabytes of mixed content. */
export function samples(): Record<string, Buffer> {
  return {
    empty: Buffer.alloc(0),
    tiny: Buffer.from('a'),
    random: randomBytes(200_000),
    text: textBytes(300_000),
    repetitive: repetitiveBytes(400_000),
    large: Buffer.concat([textBytes(2_000_000), randomBytes(500_000, 7), repetitiveBytes(1_500_000)]),
  };
}

/** Compresses with a reference tool reading stdin (e.g. `tool('xz', ['-c'], data)`). */
export function tool(cmd: string, args: readonly string[], input: Buffer): Buffer {
  return run(cmd, args, { input });
}

/** Skip reason when a reference tool is missing, else undefined. */
export function missing(...tools: string[]): string | undefined {
  const absent = tools.filter((t) => !hasTool(t));
  return absent.length ? `reference tool(s) not installed: ${absent.join(', ')}` : undefined;
}

/** Asserts that `fn` throws a FormatError (never another error, never a hang). */
export function assertFormatError(fn: () => unknown, pattern?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof FormatError, `expected FormatError, got ${String(e)}`);
    if (pattern) assert.match(e.message, pattern);
    return true;
  });
}

/** Flips one byte in a copy (corruption at a chosen place). */
export function corrupt(b: Buffer, at: number): Buffer {
  const c = Buffer.from(b);
  c[at] = c[at]! ^ 0x55;
  return c;
}
