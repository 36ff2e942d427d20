import { FormatError } from '../../errors.js';
import type { BitReader } from './bit-reader.js';

// Canonical Huffman tables of a bzip2 block (code lengths 1-20), decoded by length: `limit[len]` is the
// largest code of that length, `base[len]` maps a code of that length to an index in `perm` (symbols
// ordered by code length).

export interface HuffmanTable {
  readonly minLen: number;
  readonly maxLen: number;
  readonly limit: Int32Array;
  readonly base: Int32Array;
  readonly perm: Uint16Array;
  /** Codes of up to FAST_BITS bits by their bit pattern: (symbol << 5) | length, 0 for longer codes. */
  readonly fast: Uint16Array;
}

const FAST_BITS = 10;

export function buildTable(lengths: Uint8Array, alphaSize: number): HuffmanTable {
  let minLen = 32;
  let maxLen = 0;
  for (let i = 0; i < alphaSize; i++) {
    minLen = Math.min(minLen, lengths[i]!);
    maxLen = Math.max(maxLen, lengths[i]!);
  }
  const perm = new Uint16Array(alphaSize);
  let p = 0;
  for (let len = minLen; len <= maxLen; len++) {
    for (let s = 0; s < alphaSize; s++) if (lengths[s] === len) perm[p++] = s;
  }
  const limit = new Int32Array(22).fill(-1);
  const base = new Int32Array(22);
  let code = 0;
  let index = 0;
  for (let len = minLen; len <= maxLen; len++) {
    let n = 0;
    for (let s = 0; s < alphaSize; s++) if (lengths[s] === len) n++;
    base[len] = index - code;
    code += n;
    index += n;
    limit[len] = code - 1;
    code <<= 1;
  }
  return { minLen, maxLen, limit, base, perm, fast: fastTable(lengths, alphaSize, minLen) };
}

/** Canonical codes (by length, then symbol) of at most FAST_BITS bits, spread over every suffix. */
function fastTable(lengths: Uint8Array, alphaSize: number, minLen: number): Uint16Array {
  const fast = new Uint16Array(1 << FAST_BITS);
  let code = 0;
  for (let len = minLen; len <= FAST_BITS; len++) {
    for (let s = 0; s < alphaSize; s++) {
      if (lengths[s] !== len) continue;
      const from = code << (FAST_BITS - len);
      const to = Math.min(from + (1 << (FAST_BITS - len)), fast.length);
      if (from >= fast.length) throw new FormatError('bzip2: over-subscribed Huffman code');
      fast.fill((s << 5) | len, from, to);
      code++;
    }
    code <<= 1;
  }
  return fast;
}

export function decodeSymbol(r: BitReader, t: HuffmanTable): number {
  const e = t.fast[r.peek(FAST_BITS)]!;
  if (e !== 0) {
    r.skip(e & 31);
    return e >>> 5;
  }
  let len = t.minLen;
  let code = r.bits(len);
  while (len <= t.maxLen) {
    if (code <= t.limit[len]!) return t.perm[t.base[len]! + code]!;
    code = (code << 1) | r.bit();
    len++;
  }
  throw new FormatError('bzip2: invalid Huffman code');
}
