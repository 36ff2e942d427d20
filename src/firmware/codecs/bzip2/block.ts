import { FormatError } from '../../errors.js';
import type { BitReader } from './bit-reader.js';
import { buildTable, decodeSymbol, type HuffmanTable } from './huffman.js';

// One bzip2 block after its magic and CRC (format as documented by the bzip2 sources and Joe Tsai's
// "bzip2 format specification"): origin pointer, symbol map, Huffman group tables and selectors, then
// the MTF/RUNA-RUNB coded symbols. Returns the Burrows-Wheeler transformed block, ready for inversion.

const GROUP_SIZE = 50;
const RUNA = 0;
const RUNB = 1;

export interface BwtBlock {
  /** Byte values of the BWT output, in `tt`'s low 8 bits. */
  readonly tt: Uint32Array;
  readonly length: number;
  readonly origPtr: number;
}

function symbolMap(r: BitReader): Uint8Array {
  const used = r.bits(16);
  const seq: number[] = [];
  for (let i = 0; i < 16; i++) {
    if (!(used & (0x8000 >>> i))) continue;
    const bits = r.bits(16);
    for (let j = 0; j < 16; j++) if (bits & (0x8000 >>> j)) seq.push(i * 16 + j);
  }
  if (seq.length === 0) throw new FormatError('bzip2: block uses no symbols');
  return Uint8Array.from(seq);
}

function selectors(r: BitReader, groups: number): Uint8Array {
  const count = r.bits(15);
  if (count === 0) throw new FormatError('bzip2: block has no selectors');
  const mtf = Array.from({ length: groups }, (_, i) => i);
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    let j = 0;
    while (r.bit()) if (++j >= groups) throw new FormatError('bzip2: invalid selector');
    const v = mtf[j]!;
    mtf.splice(j, 1);
    mtf.unshift(v);
    out[i] = v;
  }
  return out;
}

function tables(r: BitReader, groups: number, alphaSize: number): HuffmanTable[] {
  const out: HuffmanTable[] = [];
  const lengths = new Uint8Array(alphaSize);
  for (let g = 0; g < groups; g++) {
    let len = r.bits(5);
    for (let s = 0; s < alphaSize; s++) {
      for (;;) {
        if (len < 1 || len > 20) throw new FormatError('bzip2: invalid Huffman code length');
        if (!r.bit()) break;
        len += r.bit() ? -1 : 1;
      }
      lengths[s] = len;
    }
    out.push(buildTable(lengths, alphaSize));
  }
  return out;
}

/** Reads a block's symbols and undoes the move-to-front and zero-run coding. */
export function readBlock(r: BitReader, maxBlock: number): BwtBlock {
  if (r.bit()) throw new FormatError('bzip2: randomised blocks (bzip2 0.9.0) are not supported');
  const origPtr = r.bits(24);
  const seqToByte = symbolMap(r);
  const alphaSize = seqToByte.length + 2;
  const groups = r.bits(3);
  if (groups < 2 || groups > 6) throw new FormatError('bzip2: invalid number of Huffman groups');
  const sel = selectors(r, groups);
  const trees = tables(r, groups, alphaSize);
  const eob = alphaSize - 1;
  const mtf = Uint8Array.from(seqToByte);
  const tt = new Uint32Array(maxBlock);
  let n = 0;
  let run = 0;
  let runWeight = 1;
  for (let group = 0; ; group++) {
    if (group >= sel.length) throw new FormatError('bzip2: block runs past its selectors');
    const tree = trees[sel[group]!]!;
    for (let k = 0; k < GROUP_SIZE; k++) {
      const sym = decodeSymbol(r, tree);
      if (sym === RUNA || sym === RUNB) {
        run += runWeight << sym;
        runWeight <<= 1;
        if (run > maxBlock) throw new FormatError('bzip2: run longer than the block');
        continue;
      }
      if (run > 0) {
        if (n + run > maxBlock) throw new FormatError('bzip2: block larger than its declared size');
        tt.fill(mtf[0]!, n, n + run);
        n += run;
        run = 0;
        runWeight = 1;
      }
      if (sym === eob) {
        if (origPtr >= n) throw new FormatError('bzip2: origin pointer outside the block');
        return { tt, length: n, origPtr };
      }
      if (n >= maxBlock) throw new FormatError('bzip2: block larger than its declared size');
      // Move-to-front: symbol s means the (s-1)th entry of the list, which moves to the front.
      const idx = sym - 1;
      const v = mtf[idx]!;
      mtf.copyWithin(1, 0, idx);
      mtf[0] = v;
      tt[n++] = v;
    }
  }
}

/**
 * Inverts the Burrows-Wheeler transform and the initial run-length coding (4 equal bytes + a count),
 * appending to `out` from `outPos`. Returns the new output position; `cap` bounds the output.
 */
export function invertBlock(b: BwtBlock, out: { buf: Uint8Array; grow(need: number): Uint8Array }, outPos: number, cap: number): number {
  const { tt, length, origPtr } = b;
  const cftab = new Int32Array(257);
  for (let i = 0; i < length; i++) cftab[(tt[i]! & 0xff) + 1]!++;
  for (let i = 1; i < 257; i++) cftab[i]! += cftab[i - 1]!;
  for (let i = 0; i < length; i++) {
    const c = tt[i]! & 0xff;
    tt[cftab[c]!++]! |= i << 8;
  }
  let buf = out.buf;
  let op = outPos;
  let t = tt[origPtr]! >>> 8;
  let last = -1;
  let same = 0;
  for (let i = 0; i < length; i++) {
    t = tt[t]!;
    const c = t & 0xff;
    t >>>= 8;
    let reps = 1;
    let value = c;
    if (same === 4) {
      reps = c;
      value = last;
      same = 0;
    } else if (c === last) {
      same++;
    } else {
      last = c;
      same = 1;
    }
    if (op + reps > buf.length) {
      if (op + reps > cap) throw new FormatError(`bzip2: output over the ${cap}-byte cap`);
      buf = out.grow(op + reps);
    }
    if (reps === 1) buf[op++] = value;
    else {
      buf.fill(value, op, op + reps);
      op += reps;
    }
  }
  return op;
}
