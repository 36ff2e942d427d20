import { blockmixPwxform, blockmixSalsa8, p2floor, S_WORDS, type PwxContext } from './yescrypt-core.js';

// SMix of yescrypt: SMix1 fills V (and, in RW mode, also reads back from it), SMix2 walks V
// data-dependently. Blocks are kept in the SIMD-shuffled word order between the two, as the specification does.

const SHUFFLE = Array.from({ length: 16 }, (_, i) => (i * 5) % 16);

export interface MixState {
  /** 2 x 32r words: X then Y. */
  readonly xy: Uint32Array;
  /** Called now and then so a caller can give up on a long computation (it throws). */
  readonly tick?: () => void;
}

function load(b: Uint32Array, bo: number, x: Uint32Array, r: number): void {
  for (let k = 0; k < 2 * r; k++) for (let i = 0; i < 16; i++) x[k * 16 + i] = b[bo + k * 16 + SHUFFLE[i]!]!;
}

function store(b: Uint32Array, bo: number, x: Uint32Array, r: number): void {
  for (let k = 0; k < 2 * r; k++) for (let i = 0; i < 16; i++) b[bo + k * 16 + SHUFFLE[i]!] = x[k * 16 + i]!;
}

/** Integerify: the first word of the last 64-byte block (the low half is all that N up to 2^32 needs). */
function integerify(x: Uint32Array, r: number): number {
  return x[(2 * r - 1) * 16]!;
}

function mix(x: Uint32Array, y: Uint32Array, r: number, ctx: PwxContext | undefined): void {
  if (ctx) blockmixPwxform(x, y, ctx, r);
  else blockmixSalsa8(x, y, r);
}

export function smix1(b: Uint32Array, bo: number, r: number, n: number, rw: boolean, v: Uint32Array, vo: number, st: MixState, ctx: PwxContext | undefined): void {
  const s = 32 * r;
  const x = st.xy.subarray(0, s);
  const y = st.xy.subarray(s, 2 * s);
  load(b, bo, x, r);
  for (let i = 0; i < n; i++) {
    v.set(x, vo + i * s);
    if (rw && i > 1) {
      const p = p2floor(i);
      const j = (integerify(x, r) & (p - 1)) + (i - p);
      const at = vo + j * s;
      for (let k = 0; k < s; k++) x[k]! ^= v[at + k]!;
    }
    mix(x, y, r, ctx);
    if (st.tick && (i & 255) === 255) st.tick();
  }
  store(b, bo, x, r);
}

export function smix2(b: Uint32Array, bo: number, r: number, n: number, loops: number, rw: boolean, v: Uint32Array, vo: number, st: MixState, ctx: PwxContext | undefined): void {
  const s = 32 * r;
  const x = st.xy.subarray(0, s);
  const y = st.xy.subarray(s, 2 * s);
  load(b, bo, x, r);
  for (let i = 0; i < loops; i++) {
    const j = integerify(x, r) & (n - 1);
    const at = vo + j * s;
    for (let k = 0; k < s; k++) x[k]! ^= v[at + k]!;
    if (rw) v.set(x, at);
    mix(x, y, r, ctx);
    if (st.tick && (i & 255) === 255) st.tick();
  }
  store(b, bo, x, r);
}

/** Loop counts of SMix for N, p, t and the mode (fNloop of the specification). */
function loopCounts(n: number, p: number, t: number, rw: boolean): { chunk: number; all: number; rwLoops: number } {
  let chunk = Math.floor(n / p);
  let all = chunk;
  if (rw) {
    if (t <= 1) {
      if (t) all *= 2;
      all = Math.floor((all + 2) / 3);
    } else {
      all *= t - 1;
    }
  } else if (t) {
    if (t === 1) all += Math.floor((all + 1) / 2);
    all *= t;
  }
  let rwLoops = rw ? Math.floor(all / p) : 0;
  chunk -= chunk % 2;
  all += all % 2;
  rwLoops += rwLoops % 2;
  return { chunk, all, rwLoops };
}

/**
 * SMix over the p blocks of B. In RW mode each block first derives its S-boxes (SMix1 with r = 1 over the
 * S-box memory), and the first one rekeys `passwd` with HMAC (done by `rekey`, which receives B's last 64 bytes).
 */
export function smix(
  b: Uint32Array, r: number, n: number, p: number, t: number, rw: boolean, v: Uint32Array, st: MixState,
  ctxs: PwxContext[] | undefined, rekey: ((lastBlock: Uint32Array) => void) | undefined,
): void {
  const s = 32 * r;
  const { chunk, all, rwLoops } = loopCounts(n, p, t, rw);
  for (let i = 0, vChunk = 0; i < p; i++, vChunk += chunk) {
    const np = i < p - 1 ? chunk : n - vChunk;
    const bo = i * s;
    let ctx: PwxContext | undefined;
    if (rw && ctxs) {
      ctx = ctxs[i]!;
      smix1(b, bo, 1, S_WORDS / 32, false, ctx.s, 0, st, undefined);
      ctx.s2 = 0;
      ctx.s1 = S_WORDS / 3;
      ctx.s0 = (2 * S_WORDS) / 3;
      ctx.w = 0;
      if (i === 0 && rekey) rekey(b.subarray(bo + s - 16, bo + s));
    }
    smix1(b, bo, r, np, rw, v, vChunk * s, st, ctx);
    smix2(b, bo, r, p2floor(np), rwLoops, rw, v, vChunk * s, st, ctx);
  }
  for (let i = 0; i < p; i++) {
    smix2(b, i * s, r, n, all - rwLoops, false, v, 0, st, rw && ctxs ? ctxs[i] : undefined);
  }
}
