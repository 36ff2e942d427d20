// The mixing core of yescrypt (and of classic scrypt, which is yescrypt with no flags), written from the
// yescrypt specification and its reference description by Alexander Peslyak: Salsa20 with the "SIMD shuffled"
// word order, BlockMix_salsa20/8, pwxform with S-boxes (12 KiB, 2 lanes x 4 gathers x 6 rounds: the only
// flavour libxcrypt produces), SMix1 and SMix2 with the read-write (RW) mode.
// Words are 32-bit little-endian; 64-bit pwxform arithmetic is done on 32-bit halves.

/** pwxform parameters of YESCRYPT_DEFAULTS. */
const PWX_SIMPLE = 2;
const PWX_GATHER = 4;
const PWX_ROUNDS = 6;
const S_WIDTH = 8;
export const PWX_WORDS = (PWX_GATHER * PWX_SIMPLE * 8) / 4; // 16
export const S_WORDS = (3 * (1 << S_WIDTH) * PWX_SIMPLE * 8) / 4; // 3072 (12 KiB)
const S_MASK = ((1 << S_WIDTH) - 1) * PWX_SIMPLE * 8; // 0xff0
const S_PAIRS = (1 << S_WIDTH) * PWX_SIMPLE; // 512 pairs per S-box

/** The S-boxes of one pwxform instance and its write cursor. Offsets are word indexes into `s`. */
export interface PwxContext {
  readonly s: Uint32Array;
  s0: number;
  s1: number;
  s2: number;
  w: number;
}

/** Salsa20 core with `rounds` rounds over 16 words at `b[o..o+16)`, which are stored SIMD-shuffled. */
export function salsa20(b: Uint32Array, o: number, rounds: number): void {
  // Words are stored SIMD-shuffled: word i of the block holds Salsa20 state word (5i mod 16).
  let x0 = b[o + 0]!;
  let x1 = b[o + 13]!;
  let x2 = b[o + 10]!;
  let x3 = b[o + 7]!;
  let x4 = b[o + 4]!;
  let x5 = b[o + 1]!;
  let x6 = b[o + 14]!;
  let x7 = b[o + 11]!;
  let x8 = b[o + 8]!;
  let x9 = b[o + 5]!;
  let x10 = b[o + 2]!;
  let x11 = b[o + 15]!;
  let x12 = b[o + 12]!;
  let x13 = b[o + 9]!;
  let x14 = b[o + 6]!;
  let x15 = b[o + 3]!;
  let t: number;
  for (let i = 0; i < rounds; i += 2) {
    t = (x0 + x12) | 0; x4 ^= (t << 7) | (t >>> 25);
    t = (x4 + x0) | 0; x8 ^= (t << 9) | (t >>> 23);
    t = (x8 + x4) | 0; x12 ^= (t << 13) | (t >>> 19);
    t = (x12 + x8) | 0; x0 ^= (t << 18) | (t >>> 14);
    t = (x5 + x1) | 0; x9 ^= (t << 7) | (t >>> 25);
    t = (x9 + x5) | 0; x13 ^= (t << 9) | (t >>> 23);
    t = (x13 + x9) | 0; x1 ^= (t << 13) | (t >>> 19);
    t = (x1 + x13) | 0; x5 ^= (t << 18) | (t >>> 14);
    t = (x10 + x6) | 0; x14 ^= (t << 7) | (t >>> 25);
    t = (x14 + x10) | 0; x2 ^= (t << 9) | (t >>> 23);
    t = (x2 + x14) | 0; x6 ^= (t << 13) | (t >>> 19);
    t = (x6 + x2) | 0; x10 ^= (t << 18) | (t >>> 14);
    t = (x15 + x11) | 0; x3 ^= (t << 7) | (t >>> 25);
    t = (x3 + x15) | 0; x7 ^= (t << 9) | (t >>> 23);
    t = (x7 + x3) | 0; x11 ^= (t << 13) | (t >>> 19);
    t = (x11 + x7) | 0; x15 ^= (t << 18) | (t >>> 14);
    t = (x0 + x3) | 0; x1 ^= (t << 7) | (t >>> 25);
    t = (x1 + x0) | 0; x2 ^= (t << 9) | (t >>> 23);
    t = (x2 + x1) | 0; x3 ^= (t << 13) | (t >>> 19);
    t = (x3 + x2) | 0; x0 ^= (t << 18) | (t >>> 14);
    t = (x5 + x4) | 0; x6 ^= (t << 7) | (t >>> 25);
    t = (x6 + x5) | 0; x7 ^= (t << 9) | (t >>> 23);
    t = (x7 + x6) | 0; x4 ^= (t << 13) | (t >>> 19);
    t = (x4 + x7) | 0; x5 ^= (t << 18) | (t >>> 14);
    t = (x10 + x9) | 0; x11 ^= (t << 7) | (t >>> 25);
    t = (x11 + x10) | 0; x8 ^= (t << 9) | (t >>> 23);
    t = (x8 + x11) | 0; x9 ^= (t << 13) | (t >>> 19);
    t = (x9 + x8) | 0; x10 ^= (t << 18) | (t >>> 14);
    t = (x15 + x14) | 0; x12 ^= (t << 7) | (t >>> 25);
    t = (x12 + x15) | 0; x13 ^= (t << 9) | (t >>> 23);
    t = (x13 + x12) | 0; x14 ^= (t << 13) | (t >>> 19);
    t = (x14 + x13) | 0; x15 ^= (t << 18) | (t >>> 14);
  }
  b[o + 0] = (b[o + 0]! + x0) >>> 0;
  b[o + 1] = (b[o + 1]! + x5) >>> 0;
  b[o + 2] = (b[o + 2]! + x10) >>> 0;
  b[o + 3] = (b[o + 3]! + x15) >>> 0;
  b[o + 4] = (b[o + 4]! + x4) >>> 0;
  b[o + 5] = (b[o + 5]! + x9) >>> 0;
  b[o + 6] = (b[o + 6]! + x14) >>> 0;
  b[o + 7] = (b[o + 7]! + x3) >>> 0;
  b[o + 8] = (b[o + 8]! + x8) >>> 0;
  b[o + 9] = (b[o + 9]! + x13) >>> 0;
  b[o + 10] = (b[o + 10]! + x2) >>> 0;
  b[o + 11] = (b[o + 11]! + x7) >>> 0;
  b[o + 12] = (b[o + 12]! + x12) >>> 0;
  b[o + 13] = (b[o + 13]! + x1) >>> 0;
  b[o + 14] = (b[o + 14]! + x6) >>> 0;
  b[o + 15] = (b[o + 15]! + x11) >>> 0;
}

/** BlockMix_salsa20/8 over the 2r 64-byte blocks at b[0..32r); y is scratch of the same size. */
const mixX = new Uint32Array(16);

export function blockmixSalsa8(b: Uint32Array, y: Uint32Array, r: number): void {
  const x = mixX;
  const last = (2 * r - 1) * 16;
  for (let k = 0; k < 16; k++) x[k] = b[last + k]!;
  for (let i = 0; i < 2 * r; i++) {
    for (let k = 0; k < 16; k++) x[k]! ^= b[i * 16 + k]!;
    salsa20(x, 0, 8);
    // Even outputs go to the first half, odd ones to the second.
    const to = ((i & 1) ? r + (i >>> 1) : i >>> 1) * 16;
    for (let k = 0; k < 16; k++) y[to + k] = x[k]!;
  }
  for (let k = 0; k < 32 * r; k++) b[k] = y[k]!;
}

/**
 * High 32 bits of the 64-bit product of two unsigned 32-bit numbers, given its exact low half: the double
 * product is off by at most 2^12, far less than the 2^32 step between candidates, so rounding recovers it.
 */
function mulHi(a: number, b: number, lo: number): number {
  return Math.round((a * b - lo) / 4294967296);
}

/** One pwxform lane: b[i], b[i+1] <- (hi * lo + S0 pair) xor S1 pair, as 64-bit arithmetic on halves. */
function lane(b: Uint32Array, i: number, s: Uint32Array, p0: number, p1: number): void {
  const xl = b[i]!;
  const xh = b[i + 1]!;
  const plo = Math.imul(xh, xl) >>> 0;
  const phi = mulHi(xh, xl, plo);
  const sum = plo + s[p0]!;
  b[i] = (sum >>> 0) ^ s[p1]!;
  b[i + 1] = ((phi + s[p0 + 1]! + (sum > 0xffffffff ? 1 : 0)) >>> 0) ^ s[p1 + 1]!;
}

/**
 * pwxform over the 16 words at b[o..o+16) (4 gathers of 2 lanes of 64 bits): six rounds of multiply, add S0,
 * xor S1; the middle rounds also write their results into S2. Unrolled over the two lanes.
 */
export function pwxform(b: Uint32Array, o: number, ctx: PwxContext): void {
  const s = ctx.s;
  let w = ctx.w;
  const s0 = ctx.s0, s1 = ctx.s1, s2 = ctx.s2;
  for (let round = 0; round < PWX_ROUNDS; round++) {
    const store = round !== 0 && round !== PWX_ROUNDS - 1;
    for (let j = 0; j < PWX_GATHER; j++) {
      const base = o + j * 4;
      const p0 = s0 + ((b[base]! & S_MASK) >>> 2);
      const p1 = s1 + ((b[base + 1]! & S_MASK) >>> 2);
      lane(b, base, s, p0, p1);
      lane(b, base + 2, s, p0 + 2, p1 + 2);
      if (store) {
        const at = s2 + 2 * w;
        s[at] = b[base]!;
        s[at + 1] = b[base + 1]!;
        s[at + 2] = b[base + 2]!;
        s[at + 3] = b[base + 3]!;
        w += 2;
      }
    }
  }
  ctx.s0 = s2;
  ctx.s1 = s0;
  ctx.s2 = s1;
  ctx.w = w & (S_PAIRS - 1);
}

/** BlockMix_pwxform over 2r blocks at b[0..32r), with y as 16 words of scratch. */
export function blockmixPwxform(b: Uint32Array, y: Uint32Array, ctx: PwxContext, r: number): void {
  const r1 = (128 * r) / (PWX_WORDS * 4);
  const last = (r1 - 1) * PWX_WORDS;
  for (let k = 0; k < PWX_WORDS; k++) y[k] = b[last + k]!;
  for (let i = 0; i < r1; i++) {
    const at = i * PWX_WORDS;
    if (r1 > 1) for (let k = 0; k < PWX_WORDS; k++) y[k]! ^= b[at + k]!;
    pwxform(y, 0, ctx);
    for (let k = 0; k < PWX_WORDS; k++) b[at + k] = y[k]!;
  }
  let i = ((r1 - 1) * PWX_WORDS * 4) / 64;
  salsa20(b, i * 16, 2);
  for (i++; i < 2 * r; i++) {
    for (let k = 0; k < 16; k++) b[i * 16 + k]! ^= b[(i - 1) * 16 + k]!;
    salsa20(b, i * 16, 2);
  }
}

/** Largest power of two not above x. */
export function p2floor(x: number): number {
  let p = 1;
  while (p * 2 <= x) p *= 2;
  return p;
}
