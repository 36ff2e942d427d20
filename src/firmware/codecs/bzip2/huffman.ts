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
}

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
  return { minLen, maxLen, limit, base, perm };
}

export function decodeSymbol(r: BitReader, t: HuffmanTable): number {
  let len = t.minLen;
  let code = r.bits(len);
  while (len <= t.maxLen) {
    if (code <= t.limit[len]!) return t.perm[t.base[len]! + code]!;
    code = (code << 1) | r.bit();
    len++;
  }
  throw new FormatError('bzip2: invalid Huffman code');
}
