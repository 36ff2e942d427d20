import { FormatError } from '../../errors.js';

/** Most-significant-bit-first reader over a byte array, as bzip2 writes its bits. */
export class BitReader {
  private pos: number;
  private buf = 0;
  private count = 0;

  constructor(private readonly data: Uint8Array, start: number) {
    this.pos = start;
  }

  /** Up to 24 bits at once. */
  bits(n: number): number {
    while (this.count < n) {
      if (this.pos >= this.data.length) throw new FormatError('bzip2: input is truncated');
      this.buf = ((this.buf << 8) | this.data[this.pos++]!) & 0xffffffff;
      this.count += 8;
    }
    this.count -= n;
    return (this.buf >>> this.count) & ((1 << n) - 1);
  }

  bit(): number {
    return this.bits(1);
  }

  /** 32 bits as an unsigned number. */
  u32(): number {
    return ((this.bits(16) << 16) >>> 0) + this.bits(16);
  }

  /** 48 bits, as a number (block and end-of-stream magics). */
  u48(): number {
    return this.bits(24) * 2 ** 24 + this.bits(24);
  }

  /** Input position after discarding the bits left in the current byte. */
  byteAlignedPos(): number {
    return this.pos - Math.floor(this.count / 8);
  }
}
