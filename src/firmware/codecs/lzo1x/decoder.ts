import { FormatError } from '../../errors.js';

// LZO1X decompression, written from the bitstream description in the Linux kernel's
// Documentation/staging/lzo.rst. An instruction's meaning depends on `state`, the number of literals the
// previous instruction copied (0, 1-3, or 4 for "4 or more"). Every match instruction carries in its low
// two bits S the count (0-3) of literals that follow it. The stream ends with the match of distance 16384.

function truncated(): never {
  throw new FormatError('lzo1x: input is truncated');
}

/** Decodes input[start, end) into out from 0; returns the output length. `out.length` is the hard cap. */
export function decodeLzo1x(input: Uint8Array, start: number, end: number, out: Uint8Array): number {
  let ip = start;
  let op = 0;
  let state = 0;
  const cap = out.length;

  // A length field whose bits are all zero continues in extra bytes: 255 per zero byte, then the last byte.
  const extLength = (base: number): number => {
    let n = base;
    for (;;) {
      if (ip >= end) truncated();
      const b = input[ip++]!;
      if (b !== 0) return n + b;
      n += 255;
      if (n > cap) throw new FormatError('lzo1x: run length over the output size');
    }
  };
  const literals = (n: number): void => {
    if (ip + n > end) truncated();
    if (op + n > cap) throw new FormatError('lzo1x: output larger than its declared size or the cap');
    out.set(input.subarray(ip, ip + n), op);
    ip += n;
    op += n;
  };
  const copy = (dist: number, len: number): void => {
    if (dist > op) throw new FormatError('lzo1x: match distance outside the output');
    if (op + len > cap) throw new FormatError('lzo1x: output larger than its declared size or the cap');
    let from = op - dist;
    if (dist >= len) {
      out.copyWithin(op, from, from + len);
      op += len;
    } else {
      const stop = op + len;
      while (op < stop) out[op++] = out[from++]!;
    }
  };

  if (ip >= end) truncated();
  if (input[ip]! > 17) {
    const n = input[ip++]! - 17;
    literals(n);
    state = n < 4 ? n : 4;
  }
  for (;;) {
    if (ip >= end) truncated();
    const t = input[ip++]!;
    let dist: number;
    let len: number;
    let s: number;
    if (t < 16) {
      if (state === 0) {
        literals(3 + ((t & 15) === 0 ? extLength(15) : t));
        state = 4;
        continue;
      }
      if (ip >= end) truncated();
      s = t & 3;
      const h = input[ip++]!;
      dist = (h << 2) + ((t >>> 2) & 3) + (state === 4 ? 2049 : 1);
      len = state === 4 ? 3 : 2;
    } else if (t < 32) {
      len = 2 + ((t & 7) === 0 ? extLength(7) : t & 7);
      if (ip + 2 > end) truncated();
      const v = input[ip]! | (input[ip + 1]! << 8);
      ip += 2;
      dist = 16384 + ((t & 8) << 11) + (v >>> 2);
      s = v & 3;
      if (dist === 16384) return op;
    } else if (t < 64) {
      len = 2 + ((t & 31) === 0 ? extLength(31) : t & 31);
      if (ip + 2 > end) truncated();
      const v = input[ip]! | (input[ip + 1]! << 8);
      ip += 2;
      dist = (v >>> 2) + 1;
      s = v & 3;
    } else {
      if (ip >= end) truncated();
      const h = input[ip++]!;
      len = t < 128 ? 3 + ((t >>> 5) & 1) : 5 + ((t >>> 5) & 3);
      dist = (h << 3) + ((t >>> 2) & 7) + 1;
      s = t & 3;
    }
    copy(dist, len);
    if (s > 0) literals(s);
    state = s;
  }
}
