import { FormatError } from '../../errors.js';


// LZ4 block format (lz4_Block_format.md): sequences of a token (literal length high nibble, match length
// low nibble, 15 = more length bytes follow), literals, a 2-byte little-endian offset and the match. The
// last sequence has literals only. Output goes into `out` from `outPos`; earlier bytes of `out` may be
// referenced (the frame format's linked blocks), but never before `windowStart`.

/** Copies shorter than this go byte by byte: subarray + set or copyWithin cost more for a few bytes. */
const SHORT = 32;

/** Decodes one block from input[start, end) into out at outPos; returns the new output position. */
export function decodeLz4Block(input: Uint8Array, start: number, end: number, out: Uint8Array, outPos: number, windowStart = 0): number {
  let ip = start;
  let op = outPos;
  const outEnd = out.length;
  for (;;) {
    if (ip >= end) throw new FormatError('lz4: block is truncated');
    const token = input[ip++]!;
    let lit = token >>> 4;
    if (lit === 15) {
      let b: number;
      do {
        if (ip >= end) throw new FormatError('lz4: block is truncated');
        b = input[ip++]!;
        lit += b;
      } while (b === 255);
    }
    if (ip + lit > end) throw new FormatError('lz4: literals run past the block');
    if (op + lit > outEnd) throw new FormatError('lz4: output larger than its declared size or the cap');
    // Short copies by hand: a subarray + set per sequence costs more than the bytes themselves.
    if (lit < SHORT) {
      for (let k = 0; k < lit; k++) out[op + k] = input[ip + k]!;
    } else {
      out.set(input.subarray(ip, ip + lit), op);
    }
    ip += lit;
    op += lit;
    if (ip === end) return op;
    if (ip + 2 > end) throw new FormatError('lz4: block is truncated');
    const offset = input[ip]! | (input[ip + 1]! << 8);
    ip += 2;
    if (offset === 0 || offset > op - windowStart) throw new FormatError('lz4: match offset outside the output');
    let len = (token & 15) + 4;
    if ((token & 15) === 15) {
      let b: number;
      do {
        if (ip >= end) throw new FormatError('lz4: block is truncated');
        b = input[ip++]!;
        len += b;
      } while (b === 255);
    }
    if (op + len > outEnd) throw new FormatError('lz4: output larger than its declared size or the cap');
    let from = op - offset;
    if (offset >= len && len >= SHORT) {
      out.copyWithin(op, from, from + len);
      op += len;
    } else {
      const stop = op + len;
      while (op < stop) out[op++] = out[from++]!;
    }
  }
}
