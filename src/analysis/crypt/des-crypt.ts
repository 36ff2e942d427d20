import { atoi64, ITOA64 } from './alphabet.js';
import { E, FP, IP, P, PC1, PC2, S, SHIFTS } from './des-tables.js';

// Traditional DES-based crypt(3) (Version 7 Unix): the first 8 characters of the password (7 bits each) are the
// DES key; the 12-bit salt swaps pairs of expansion-table outputs; a zero block is encrypted 25 times and the
// 64 result bits are written as 11 base-64 characters after the two salt characters. Bit-level and
// unoptimised: it runs only over a bounded list of candidates.

/** The 16 round keys (48 bits each) of a 64-bit key given as bits. */
function roundKeys(key: Uint8Array): Uint8Array[] {
  const cd = Uint8Array.from(PC1, (pos) => key[pos - 1]!);
  const keys: Uint8Array[] = [];
  for (const shift of SHIFTS) {
    for (let s = 0; s < shift; s++) {
      const c0 = cd[0]!;
      const d0 = cd[28]!;
      cd.copyWithin(0, 1, 28);
      cd[27] = c0;
      cd.copyWithin(28, 29, 56);
      cd[55] = d0;
    }
    keys.push(Uint8Array.from(PC2, (pos) => cd[pos - 1]!));
  }
  return keys;
}

/** The expansion table with the salt's swaps applied. */
function saltedE(salt: number): number[] {
  const e = [...E];
  for (let bit = 0; bit < 12; bit++) {
    if ((salt >> bit) & 1) {
      const i = bit;
      const t = e[i]!;
      e[i] = e[i + 24]!;
      e[i + 24] = t;
    }
  }
  return e;
}

function encryptBlock(block: Uint8Array, keys: readonly Uint8Array[], e: readonly number[]): Uint8Array {
  const lr = Uint8Array.from(IP, (pos) => block[pos - 1]!);
  const f = new Uint8Array(32);
  const x = new Uint8Array(48);
  for (let round = 0; round < 16; round++) {
    const k = keys[round]!;
    for (let i = 0; i < 48; i++) x[i] = lr[31 + e[i]!]! ^ k[i]!;
    for (let box = 0; box < 8; box++) {
      const o = box * 6;
      const row = (x[o]! << 1) | x[o + 5]!;
      const col = (x[o + 1]! << 3) | (x[o + 2]! << 2) | (x[o + 3]! << 1) | x[o + 4]!;
      const v = S[box]![row * 16 + col]!;
      for (let b = 0; b < 4; b++) f[box * 4 + b] = (v >> (3 - b)) & 1;
    }
    for (let i = 0; i < 32; i++) {
      const left = lr[i]!;
      lr[i] = lr[32 + i]!;
      lr[32 + i] = left ^ f[P[i]! - 1]!;
    }
  }
  // Undo the last swap of halves before the final permutation.
  const preout = new Uint8Array(64);
  preout.set(lr.subarray(32), 0);
  preout.set(lr.subarray(0, 32), 32);
  return Uint8Array.from(FP, (pos) => preout[pos - 1]!);
}

/** True when `setting` starts like a traditional DES crypt (13 characters of the alphabet). */
export function isDesCrypt(hash: string): boolean {
  return /^[./0-9A-Za-z]{13}$/.test(hash);
}

/** Computes the 13-character DES crypt of `password` with the salt in `setting`'s first two characters. */
export function desCrypt(password: Buffer, setting: string): string {
  const s0 = atoi64(setting.charCodeAt(0));
  const s1 = atoi64(setting.charCodeAt(1));
  if (s0 < 0 || s1 < 0) throw new RangeError('DES crypt salt outside the crypt alphabet');
  const key = new Uint8Array(64);
  for (let i = 0; i < 8 && i < password.length; i++) {
    const c = password[i]!;
    for (let j = 0; j < 7; j++) key[i * 8 + j] = (c >> (6 - j)) & 1;
  }
  const keys = roundKeys(key);
  const e = saltedE(s0 | (s1 << 6));
  let block: Uint8Array = new Uint8Array(64);
  for (let i = 0; i < 25; i++) block = encryptBlock(block, keys, e);
  let out = setting.slice(0, 2);
  for (let i = 0; i < 66; i += 6) {
    let c = 0;
    for (let j = 0; j < 6; j++) c = (c << 1) | (i + j < 64 ? block[i + j]! : 0);
    out += ITOA64[c];
  }
  return out;
}
