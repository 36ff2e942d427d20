import { FormatError } from '../../errors.js';
import type { LzmaDecoder } from './lzma-decoder.js';

// The LZMA symbol loop (LZMA specification: literals, matches, rep matches, lengths, distances), written as
// one function on purpose: range, code and the input position live in local int32 variables and every
// bit decode is written out in place. Calling a method per bit, with the coder state in object fields, was
// several times slower in V8 (the state is kept as boxed doubles), and this loop is where xz, lzma and
// squashfs spend their time. Unsigned comparisons use `>>> 0`; bounds are `Math.imul` products.

// Offsets of the probability groups inside one Uint16Array (reset with a single fill).
const IS_MATCH = 0;
const IS_REP = 192;
const IS_REP_G0 = 204;
const IS_REP_G1 = 216;
const IS_REP_G2 = 228;
const IS_REP0_LONG = 240;
const POS_SLOT = 432;
const SPEC_POS = 688;
const ALIGN = 803;
const LEN = 819;
const REP_LEN = LEN + 514;
export const LITERAL = REP_LEN + 514;
// Inside a length coder: choice, choice2, low[16][8], mid[16][8], high[256].
const L_CHOICE2 = 1;
const L_LOW = 2;
const L_MID = 130;
const L_HIGH = 258;
const MATCH_MAX = 273;
const TOP = 0x1000000;
/** Matches shorter than this are copied byte by byte: a native copyWithin call costs more. */
const SHORT_COPY = 24;

export type LzmaEnd = 'size' | 'marker' | 'input';

function corrupt(what: string): never {
  throw new FormatError(`lzma: corrupt data (${what})`);
}

/** Decodes symbols into `d.out` until `limit`, an end marker, or the input's end; see LzmaDecoder.decode. */
export function decodeSymbols(d: LzmaDecoder, limit: number, stopAtInputEnd: boolean): LzmaEnd {
  const rc = d.rc;
  const buf = rc.buf;
  const inEnd = rc.end;
  let inPos = rc.pos;
  let range = rc.range | 0;
  let code = rc.code | 0;
  const probs = d.probs;
  const lc = d.lc;
  const lcShift = 8 - lc;
  const lpMask = (1 << d.lp) - 1;
  const pbMask = (1 << d.pb) - 1;
  const dictStart = d.dictStart;
  const reps = d.reps;
  let rep0 = reps[0]!;
  let rep1 = reps[1]!;
  let rep2 = reps[2]!;
  let rep3 = reps[3]!;
  let state = d.state;
  let pos = d.pos;
  let out = d.out;
  let why: LzmaEnd = 'size';
  let i = 0;
  let p = 0;
  let bound = 0;
  let bit = 0;
  let m = 0;

  while (pos < limit) {
    if (pos + MATCH_MAX > out.length) {
      d.pos = pos;
      out = d.ensure(Math.min(limit, pos + MATCH_MAX));
    }
    if (inPos > inEnd) {
      if (stopAtInputEnd) {
        why = 'input';
        break;
      }
      throw new FormatError('lzma: truncated input');
    }
    const rel = pos - dictStart;
    const posState = rel & pbMask;
    i = IS_MATCH + (state << 4) + posState;
    p = probs[i]!;
    bound = Math.imul(range >>> 11, p);
    if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
      range = bound;
      probs[i] = p + ((2048 - p) >>> 5);
      bit = 0;
    } else {
      range = (range - bound) | 0;
      code = (code - bound) | 0;
      probs[i] = p - (p >>> 5);
      bit = 1;
    }
    if (range >>> 0 < TOP) {
      range <<= 8;
      code = (code << 8) | buf[inPos++]!;
    }
    if (bit === 0) {
      const prev = rel > 0 ? out[pos - 1]! : 0;
      const base = LITERAL + 0x300 * (((rel & lpMask) << lc) + (prev >>> lcShift));
      let sym = 1;
      if (state >= 7) {
        // After a match the literal is coded relative to the byte at rep0 until the first differing bit.
        if (rep0 >>> 0 >= rel) corrupt('match distance beyond output');
        let matchByte = out[pos - rep0 - 1]!;
        do {
          const matchBit = (matchByte >>> 7) & 1;
          matchByte <<= 1;
          i = base + ((1 + matchBit) << 8) + sym;
          p = probs[i]!;
          bound = Math.imul(range >>> 11, p);
          if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
            range = bound;
            probs[i] = p + ((2048 - p) >>> 5);
            bit = 0;
          } else {
            range = (range - bound) | 0;
            code = (code - bound) | 0;
            probs[i] = p - (p >>> 5);
            bit = 1;
          }
          if (range >>> 0 < TOP) {
            range <<= 8;
            code = (code << 8) | buf[inPos++]!;
          }
          sym = (sym << 1) | bit;
          if (matchBit !== bit) break;
        } while (sym < 0x100);
      }
      while (sym < 0x100) {
        i = base + sym;
        p = probs[i]!;
        bound = Math.imul(range >>> 11, p);
        if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
          range = bound;
          probs[i] = p + ((2048 - p) >>> 5);
          bit = 0;
        } else {
          range = (range - bound) | 0;
          code = (code - bound) | 0;
          probs[i] = p - (p >>> 5);
          bit = 1;
        }
        if (range >>> 0 < TOP) {
          range <<= 8;
          code = (code << 8) | buf[inPos++]!;
        }
        sym = (sym << 1) | bit;
      }
      out[pos++] = sym;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }

    let lenBase: number;
    i = IS_REP + state;
    p = probs[i]!;
    bound = Math.imul(range >>> 11, p);
    if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
      range = bound;
      probs[i] = p + ((2048 - p) >>> 5);
      bit = 0;
    } else {
      range = (range - bound) | 0;
      code = (code - bound) | 0;
      probs[i] = p - (p >>> 5);
      bit = 1;
    }
    if (range >>> 0 < TOP) {
      range <<= 8;
      code = (code << 8) | buf[inPos++]!;
    }
    if (bit !== 0) {
      if (rel === 0) corrupt('repeated match at stream start');
      i = IS_REP_G0 + state;
      p = probs[i]!;
      bound = Math.imul(range >>> 11, p);
      if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
        range = bound;
        probs[i] = p + ((2048 - p) >>> 5);
        bit = 0;
      } else {
        range = (range - bound) | 0;
        code = (code - bound) | 0;
        probs[i] = p - (p >>> 5);
        bit = 1;
      }
      if (range >>> 0 < TOP) {
        range <<= 8;
        code = (code << 8) | buf[inPos++]!;
      }
      if (bit === 0) {
        i = IS_REP0_LONG + (state << 4) + posState;
        p = probs[i]!;
        bound = Math.imul(range >>> 11, p);
        if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
          range = bound;
          probs[i] = p + ((2048 - p) >>> 5);
          bit = 0;
        } else {
          range = (range - bound) | 0;
          code = (code - bound) | 0;
          probs[i] = p - (p >>> 5);
          bit = 1;
        }
        if (range >>> 0 < TOP) {
          range <<= 8;
          code = (code << 8) | buf[inPos++]!;
        }
        if (bit === 0) {
          // Short rep: one byte from distance rep0.
          if (rep0 >>> 0 >= rel) corrupt('match distance beyond output');
          state = state < 7 ? 9 : 11;
          out[pos] = out[pos - rep0 - 1]!;
          pos++;
          continue;
        }
      } else {
        let dist: number;
        i = IS_REP_G1 + state;
        p = probs[i]!;
        bound = Math.imul(range >>> 11, p);
        if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
          range = bound;
          probs[i] = p + ((2048 - p) >>> 5);
          bit = 0;
        } else {
          range = (range - bound) | 0;
          code = (code - bound) | 0;
          probs[i] = p - (p >>> 5);
          bit = 1;
        }
        if (range >>> 0 < TOP) {
          range <<= 8;
          code = (code << 8) | buf[inPos++]!;
        }
        if (bit === 0) {
          dist = rep1;
        } else {
          i = IS_REP_G2 + state;
          p = probs[i]!;
          bound = Math.imul(range >>> 11, p);
          if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
            range = bound;
            probs[i] = p + ((2048 - p) >>> 5);
            bit = 0;
          } else {
            range = (range - bound) | 0;
            code = (code - bound) | 0;
            probs[i] = p - (p >>> 5);
            bit = 1;
          }
          if (range >>> 0 < TOP) {
            range <<= 8;
            code = (code << 8) | buf[inPos++]!;
          }
          if (bit === 0) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      lenBase = REP_LEN;
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      lenBase = LEN;
      state = state < 7 ? 7 : 10;
    }

    // Match length: choice bits pick the low (2-9), mid (10-17) or high (18-273) tree.
    let treeBase: number;
    let numBits = 3;
    let len = 0;
    i = lenBase;
    p = probs[i]!;
    bound = Math.imul(range >>> 11, p);
    if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
      range = bound;
      probs[i] = p + ((2048 - p) >>> 5);
      bit = 0;
    } else {
      range = (range - bound) | 0;
      code = (code - bound) | 0;
      probs[i] = p - (p >>> 5);
      bit = 1;
    }
    if (range >>> 0 < TOP) {
      range <<= 8;
      code = (code << 8) | buf[inPos++]!;
    }
    if (bit === 0) {
      treeBase = lenBase + L_LOW + (posState << 3);
    } else {
      i = lenBase + L_CHOICE2;
      p = probs[i]!;
      bound = Math.imul(range >>> 11, p);
      if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
        range = bound;
        probs[i] = p + ((2048 - p) >>> 5);
        bit = 0;
      } else {
        range = (range - bound) | 0;
        code = (code - bound) | 0;
        probs[i] = p - (p >>> 5);
        bit = 1;
      }
      if (range >>> 0 < TOP) {
        range <<= 8;
        code = (code << 8) | buf[inPos++]!;
      }
      if (bit === 0) {
        treeBase = lenBase + L_MID + (posState << 3);
        len = 8;
      } else {
        treeBase = lenBase + L_HIGH;
        numBits = 8;
        len = 16;
      }
    }
    m = 1;
    for (let k = 0; k < numBits; k++) {
      i = treeBase + m;
      p = probs[i]!;
      bound = Math.imul(range >>> 11, p);
      if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
        range = bound;
        probs[i] = p + ((2048 - p) >>> 5);
        bit = 0;
      } else {
        range = (range - bound) | 0;
        code = (code - bound) | 0;
        probs[i] = p - (p >>> 5);
        bit = 1;
      }
      if (range >>> 0 < TOP) {
        range <<= 8;
        code = (code << 8) | buf[inPos++]!;
      }
      m = (m << 1) | bit;
    }
    len += m - (1 << numBits);

    if (lenBase === LEN) {
      // Distance: a 6-bit slot, then reverse-coded low bits or direct bits plus 4 aligned bits.
      const slotBase = POS_SLOT + ((len < 3 ? len : 3) << 6);
      m = 1;
      for (let k = 0; k < 6; k++) {
        i = slotBase + m;
        p = probs[i]!;
        bound = Math.imul(range >>> 11, p);
        if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
          range = bound;
          probs[i] = p + ((2048 - p) >>> 5);
          bit = 0;
        } else {
          range = (range - bound) | 0;
          code = (code - bound) | 0;
          probs[i] = p - (p >>> 5);
          bit = 1;
        }
        if (range >>> 0 < TOP) {
          range <<= 8;
          code = (code << 8) | buf[inPos++]!;
        }
        m = (m << 1) | bit;
      }
      const slot = m - 64;
      if (slot < 4) {
        rep0 = slot;
      } else {
        const direct = (slot >>> 1) - 1;
        let dist = (2 | (slot & 1)) << direct;
        if (slot < 14) {
          const rb = SPEC_POS + dist - slot;
          m = 1;
          for (let k = 0; k < direct; k++) {
            i = rb + m;
            p = probs[i]!;
            bound = Math.imul(range >>> 11, p);
            if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
              range = bound;
              probs[i] = p + ((2048 - p) >>> 5);
              bit = 0;
            } else {
              range = (range - bound) | 0;
              code = (code - bound) | 0;
              probs[i] = p - (p >>> 5);
              bit = 1;
            }
            if (range >>> 0 < TOP) {
              range <<= 8;
              code = (code << 8) | buf[inPos++]!;
            }
            m = (m << 1) | bit;
            dist |= bit << k;
          }
        } else {
          let hi = 0;
          for (let k = direct - 4; k > 0; k--) {
            range = range >>> 1;
            if (code >>> 0 >= range) {
              code = (code - range) | 0;
              hi = (hi << 1) | 1;
            } else {
              hi <<= 1;
            }
            if (range < TOP) {
              range <<= 8;
              code = (code << 8) | buf[inPos++]!;
            }
          }
          dist |= hi << 4;
          m = 1;
          for (let k = 0; k < 4; k++) {
            i = ALIGN + m;
            p = probs[i]!;
            bound = Math.imul(range >>> 11, p);
            if ((code ^ 0x80000000) < (bound ^ 0x80000000)) {
              range = bound;
              probs[i] = p + ((2048 - p) >>> 5);
              bit = 0;
            } else {
              range = (range - bound) | 0;
              code = (code - bound) | 0;
              probs[i] = p - (p >>> 5);
              bit = 1;
            }
            if (range >>> 0 < TOP) {
              range <<= 8;
              code = (code << 8) | buf[inPos++]!;
            }
            m = (m << 1) | bit;
            dist |= bit << k;
          }
        }
        rep0 = dist;
      }
      if (rep0 === -1) {
        why = 'marker';
        break;
      }
    }

    if (rep0 >>> 0 >= rel) corrupt('match distance beyond output');
    len += 2;
    if (len > limit - pos) {
      len = limit - pos;
      d.overlong = true;
    }
    let from = pos - rep0 - 1;
    const stop = pos + len;
    if (len < SHORT_COPY || rep0 + 1 < len) {
      // Overlapping copies repeat the bytes just written (runs), so they go byte by byte.
      while (pos < stop) out[pos++] = out[from++]!;
    } else {
      out.copyWithin(pos, from, from + len);
      pos = stop;
    }
  }

  rc.pos = inPos;
  rc.range = range >>> 0;
  rc.code = code >>> 0;
  d.pos = pos;
  d.state = state;
  reps[0] = rep0;
  reps[1] = rep1;
  reps[2] = rep2;
  reps[3] = rep3;
  return why;
}
