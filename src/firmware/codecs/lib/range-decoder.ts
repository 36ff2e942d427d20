import { FormatError } from '../../errors.js';

// State of the LZMA range decoder (LZMA specification, "The range decoder"). The bit decoding itself is
// written out inside the symbol loop (lzma-symbols.ts) for speed; this holds what survives between calls.

export const PROB_INIT = 1024;

export class RangeDecoder {
  range = 0;
  code = 0;
  pos = 0;
  end = 0;
  buf: Uint8Array = new Uint8Array(0);

  /** Starts decoding at `start`: the first byte must be 0 and the code must be below the full range. */
  init(buf: Uint8Array, start: number, end: number): void {
    if (end - start < 5) throw new FormatError('lzma: range coder needs 5 bytes, the input is truncated');
    if (buf[start] !== 0) throw new FormatError('lzma: corrupt data (first range coder byte is not 0)');
    this.buf = buf;
    this.end = end;
    this.code = ((buf[start + 1]! << 24) | (buf[start + 2]! << 16) | (buf[start + 3]! << 8) | buf[start + 4]!) >>> 0;
    this.range = 0xffffffff;
    this.pos = start + 5;
    if (this.code === this.range) throw new FormatError('lzma: corrupt data (range coder code is out of range)');
  }

  /** True when the decoder read past its input: the stream was truncated. */
  get overrun(): boolean {
    return this.pos > this.end;
  }

  /** True when the stream ended cleanly: the encoder's flush leaves a code of zero. */
  get finishedOk(): boolean {
    return this.code === 0;
  }
}
