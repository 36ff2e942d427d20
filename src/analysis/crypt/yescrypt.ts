import { createHash, createHmac, pbkdf2Sync } from 'node:crypto';
import { S_WORDS, type PwxContext } from './yescrypt-core.js';
import { smix } from './yescrypt-smix.js';

// yescrypt KDF (yescrypt 1.x, as libxcrypt uses it for `$y$`), from the specification in the yescrypt
// distribution: HMAC-SHA256 pre-step, PBKDF2-SHA256 to B, SMix (RW mode with pwxform), PBKDF2-SHA256 to the
// output, then the SCRAM-like ClientKey/StoredKey finish. Large-N settings are pre-hashed with N/64 first.
// Flags other than the default RW flavour (and classic scrypt, flags 0) are refused, as the reference does.

export const YESCRYPT_RW = 0x002;
/** YESCRYPT_DEFAULTS: RW, 6 rounds, gather 4, simple 2, 12 KiB S-boxes. */
export const YESCRYPT_DEFAULTS = 0x0b6;

export interface YescryptParams {
  readonly flags: number;
  readonly n: number;
  readonly r: number;
  readonly p: number;
  readonly t: number;
}

/** Memory the computation needs, in bytes (V, B, XY and S-boxes). */
export function yescryptMemory(params: YescryptParams): number {
  const rw = params.flags & YESCRYPT_RW ? S_WORDS * 4 * params.p : 0;
  return 128 * params.r * params.n + 128 * params.r * params.p + 256 * params.r + rw;
}

/** Throws RangeError on parameters the specification rejects or that exceed `maxBytes` of memory. */
export function checkYescryptParams(params: YescryptParams, maxBytes: number): void {
  const { flags, n, r, p, t } = params;
  if (flags !== 0 && flags !== YESCRYPT_DEFAULTS) throw new RangeError(`yescrypt flags 0x${flags.toString(16)} not supported`);
  if (flags === 0 && t !== 0) throw new RangeError('classic scrypt cannot have t');
  if (n < 2 || n > 2 ** 32 || (n & (n - 1)) !== 0 || r < 1 || p < 1 || r * p >= 2 ** 30) throw new RangeError('yescrypt N, r or p out of range');
  if (flags && (n / p <= 1 || r < 1)) throw new RangeError('yescrypt N/p too small');
  if (yescryptMemory(params) > maxBytes) throw new RangeError(`yescrypt needs ${yescryptMemory(params)} bytes, over the ${maxBytes}-byte limit`);
}

function bytesToWords(bytes: Buffer): Uint32Array {
  const words = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < words.length; i++) words[i] = bytes.readUInt32LE(i * 4);
  return words;
}

function wordsToBytes(words: Uint32Array): Buffer {
  const out = Buffer.alloc(words.length * 4);
  for (let i = 0; i < words.length; i++) out.writeUInt32LE(words[i]!, i * 4);
  return out;
}

function kdfBody(password: Buffer, salt: Buffer, params: YescryptParams, prehash: boolean, outLen: number, tick?: () => void): Buffer {
  const { flags, n, r, p, t } = params;
  const rw = (flags & YESCRYPT_RW) !== 0;
  let passwd = password;
  if (flags) passwd = createHmac('sha256', prehash ? 'yescrypt-prehash' : 'yescrypt').update(password).digest();
  const bBytes = pbkdf2Sync(passwd, salt, 1, 128 * r * p, 'sha256');
  const b = bytesToWords(bBytes);
  if (flags) passwd = Buffer.from(bBytes.subarray(0, 32));
  const v = new Uint32Array(32 * r * n);
  const st = { xy: new Uint32Array(64 * r), ...(tick ? { tick } : {}) };
  if (rw) {
    const ctxs: PwxContext[] = Array.from({ length: p }, () => ({ s: new Uint32Array(S_WORDS), s0: 0, s1: 0, s2: 0, w: 0 }));
    smix(b, r, n, p, t, true, v, st, ctxs, (last) => {
      passwd = createHmac('sha256', wordsToBytes(last)).update(passwd).digest();
    });
  } else {
    for (let i = 0; i < p; i++) {
      const one = b.subarray(32 * r * i, 32 * r * (i + 1));
      smix(one, r, n, 1, t, false, v, st, undefined, undefined);
    }
  }
  const bOut = wordsToBytes(b);
  const dk = pbkdf2Sync(passwd, bOut, 1, outLen, 'sha256');
  if (flags && !prehash) {
    const dkFull = outLen >= 32 ? dk : pbkdf2Sync(passwd, bOut, 1, 32, 'sha256');
    const clientKey = createHmac('sha256', dkFull.subarray(0, 32)).update('Client Key').digest();
    const storedKey = createHash('sha256').update(clientKey).digest();
    storedKey.copy(dk, 0, 0, Math.min(32, outLen));
  }
  return dk;
}

/** yescrypt_kdf: the derived key of `outLen` bytes (32 for password hashes). */
export function yescryptKdf(password: Buffer, salt: Buffer, params: YescryptParams, outLen = 32, tick?: () => void): Buffer {
  let passwd = password;
  if ((params.flags & YESCRYPT_RW) && params.n / params.p >= 0x100 && (params.n / params.p) * params.r >= 0x20000) {
    passwd = kdfBody(password, salt, { ...params, n: params.n / 64, t: 0 }, true, 32, tick);
  }
  return kdfBody(passwd, salt, params, false, outLen, tick);
}
