import { createHash, hash } from 'node:crypto';
import { encodePermuted } from './alphabet.js';

// SHA-crypt, after Ulrich Drepper's specification "Unix crypt using SHA-256 and SHA-512" (2007):
// `$5$` (SHA-256) and `$6$` (SHA-512), optional `rounds=N$` (clamped to 1000..999999999, default 5000),
// salt of at most 16 characters.

export const ROUNDS_DEFAULT = 5000;
export const ROUNDS_MIN = 1000;
export const ROUNDS_MAX = 999_999_999;

const ORDER_256 = [
  [0, 10, 20, 4], [21, 1, 11, 4], [12, 22, 2, 4], [3, 13, 23, 4], [24, 4, 14, 4], [15, 25, 5, 4], [6, 16, 26, 4],
  [27, 7, 17, 4], [18, 28, 8, 4], [9, 19, 29, 4], [-1, 31, 30, 3],
] as const;
const ORDER_512 = [
  [0, 21, 42, 4], [22, 43, 1, 4], [44, 2, 23, 4], [3, 24, 45, 4], [25, 46, 4, 4], [47, 5, 26, 4], [6, 27, 48, 4],
  [28, 49, 7, 4], [50, 8, 29, 4], [9, 30, 51, 4], [31, 52, 10, 4], [53, 11, 32, 4], [12, 33, 54, 4], [34, 55, 13, 4],
  [56, 14, 35, 4], [15, 36, 57, 4], [37, 58, 16, 4], [59, 17, 38, 4], [18, 39, 60, 4], [40, 61, 19, 4], [62, 20, 41, 4],
  [-1, -1, 63, 2],
] as const;

export interface ShaCryptSetting {
  readonly variant: '5' | '6';
  readonly rounds: number;
  /** Whether `rounds=` was written in the setting (it is then repeated in the output). */
  readonly explicitRounds: boolean;
  readonly salt: string;
}

/** Reads `$5$[rounds=N$]salt[$...]`; undefined when it is not a SHA-crypt setting. */
export function parseShaSetting(setting: string): ShaCryptSetting | undefined {
  const m = /^\$([56])\$(?:rounds=(\d{1,10})\$)?([^$]{0,16})/.exec(setting);
  if (!m) return undefined;
  const explicitRounds = m[2] !== undefined;
  const asked = explicitRounds ? Number(m[2]) : ROUNDS_DEFAULT;
  const rounds = Math.min(ROUNDS_MAX, Math.max(ROUNDS_MIN, asked));
  return { variant: m[1] as '5' | '6', rounds, explicitRounds, salt: m[3]! };
}

/** Repeats `block` to exactly `length` bytes (the P and S sequences of the specification). */
function stretch(block: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i += block.length) block.copy(out, i, 0, Math.min(block.length, length - i));
  return out;
}

/**
 * The rounds loop: each round hashes (C or P) [S] [P] (P or C). The 8 layouts are preallocated and only the
 * digest C is copied in per round, with one-shot hashing: far cheaper than a hash object per round.
 */
function rounds(alg: 'sha256' | 'sha512', first: Buffer, p: Buffer, sBytes: Buffer, count: number, onRound?: () => void): Buffer {
  const size = first.length;
  const layouts = Array.from({ length: 8 }, (_, k) => {
    const odd = (k & 1) !== 0;
    const middle = [...((k & 2) !== 0 ? [sBytes] : []), ...((k & 4) !== 0 ? [p] : [])];
    const placeholder = Buffer.alloc(size);
    const parts = odd ? [p, ...middle, placeholder] : [placeholder, ...middle, p];
    const buf = Buffer.concat(parts);
    return { buf, cAt: odd ? buf.length - size : 0 };
  });
  let c: Buffer = first;
  for (let i = 0; i < count; i++) {
    if (onRound && (i & 4095) === 4095) onRound();
    const l = layouts[(i & 1) | (i % 3 ? 2 : 0) | (i % 7 ? 4 : 0)]!;
    c.copy(l.buf, l.cAt);
    c = hash(alg, l.buf, 'buffer');
  }
  return c;
}

/** Computes the full SHA-crypt string. `onRound` is called every 4096 rounds so a caller can give up. */
export function shaCrypt(password: Buffer, s: ShaCryptSetting, onRound?: () => void): string {
  const alg = s.variant === '5' ? 'sha256' : 'sha512';
  const salt = Buffer.from(s.salt, 'latin1');
  const h = () => createHash(alg);
  const b = h().update(password).update(salt).update(password).digest();
  const size = b.length;
  const a = h().update(password).update(salt);
  for (let i = password.length; i > 0; i -= size) a.update(b.subarray(0, Math.min(size, i)));
  for (let i = password.length; i > 0; i >>>= 1) a.update(i & 1 ? b : password);
  let c: Buffer = a.digest();
  const dp = h();
  for (let i = 0; i < password.length; i++) dp.update(password);
  const p = stretch(dp.digest(), password.length);
  const ds = h();
  for (let i = 0; i < 16 + c[0]!; i++) ds.update(salt);
  const sBytes = stretch(ds.digest(), salt.length);
  c = rounds(alg, c, p, sBytes, s.rounds, onRound);
  const prefix = `$${s.variant}$${s.explicitRounds ? `rounds=${s.rounds}$` : ''}${s.salt}$`;
  return prefix + encodePermuted(c, s.variant === '5' ? ORDER_256 : ORDER_512);
}
