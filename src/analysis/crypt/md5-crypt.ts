import { createHash } from 'node:crypto';
import { encodePermuted } from './alphabet.js';

// MD5-crypt (Poul-Henning Kamp, FreeBSD 1994): `$1$salt$hash`; Apache's `$apr1$` is the same algorithm with
// another magic string. Salt: up to 8 characters. 1000 rounds of MD5 over password, salt and previous digest.

const ORDER = [[0, 6, 12, 4], [1, 7, 13, 4], [2, 8, 14, 4], [3, 9, 15, 4], [4, 10, 5, 4], [-1, -1, 11, 2]] as const;

function md5(...parts: (Buffer | Uint8Array)[]): Buffer {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return h.digest();
}

/** Computes the full MD5-crypt string for `password` with `magic` (`$1$` or `$apr1$`) and `salt`. */
export function md5Crypt(password: Buffer, magic: '$1$' | '$apr1$', saltText: string): string {
  const salt = Buffer.from(saltText.slice(0, 8), 'latin1');
  const alt = md5(password, salt, password);
  const ctx = createHash('md5').update(password).update(magic).update(salt);
  for (let i = password.length; i > 0; i -= 16) ctx.update(alt.subarray(0, Math.min(16, i)));
  const zero = Buffer.alloc(1);
  const first = password.subarray(0, 1);
  for (let i = password.length; i > 0; i >>>= 1) ctx.update(i & 1 ? zero : first);
  let final = ctx.digest();
  for (let i = 0; i < 1000; i++) {
    const h = createHash('md5');
    h.update(i & 1 ? password : final);
    if (i % 3) h.update(salt);
    if (i % 7) h.update(password);
    h.update(i & 1 ? final : password);
    final = h.digest();
  }
  return `${magic}${salt.toString('latin1')}$${encodePermuted(final, ORDER)}`;
}
