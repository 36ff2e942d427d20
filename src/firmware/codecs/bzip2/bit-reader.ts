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
    const v = this.peek(n);
    this.skip(n);
    return v;
  }

  /**
   * The next `n` bits (n <= 24) without consuming them; past the end of the input they read as zero, and
   * consuming them (skip) is what fails, so a symbol that ends near the end still decodes.
   */
  peek(n: number): number {
    while (this.count < n) {
      this.buf = ((this.buf << 8) | (this.data[this.pos] ?? 0)) & 0xffffffff;
      this.pos++;
      this.count += 8;
    }
    return (this.buf >>> (this.count - n)) & ((1 << n) - 1);
  }

  skip(n: number): void {
    this.count -= n;
    if (this.pos - Math.floor(this.count / 8) > this.data.length) throw new FormatError('bzip2: input is truncated');
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
