import { FormatError } from '../../errors.js';

/**
 * Reads the bit-packed structures of squashfs 2.x/3.x. Their C declarations use bitfields, whose layout
 * follows the byte order of the machine that made the image: on little-endian machines fields fill each
 * byte from its least significant bit, on big-endian machines from its most significant bit. Counting bit
 * positions from the start of the structure in that order, a field sits at the same position in both
 * (squashfs-tools' swap macros list those positions), so one description serves both byte orders.
 */
export class BitFields {
  constructor(readonly buf: Buffer, readonly littleEndian: boolean) {}

  /** An unsigned field of `bits` (at most 32) bits starting `pos` bits into the structure. */
  u(pos: number, bits: number): number {
    const first = pos >> 3;
    const last = (pos + bits - 1) >> 3;
    if (bits < 1 || bits > 32 || last >= this.buf.length) throw new FormatError(`squashfs: bit field ${pos}+${bits} outside ${this.buf.length} bytes`);
    const n = last - first + 1;
    let acc = 0;
    if (this.littleEndian) {
      for (let i = n - 1; i >= 0; i--) acc = acc * 256 + this.buf[first + i]!;
      return Math.floor(acc / 2 ** (pos & 7)) % 2 ** bits;
    }
    for (let i = 0; i < n; i++) acc = acc * 256 + this.buf[first + i]!;
    return Math.floor(acc / 2 ** (n * 8 - (pos & 7) - bits)) % 2 ** bits;
  }

  /** A signed field (two's complement). */
  s(pos: number, bits: number): number {
    const v = this.u(pos, bits);
    return v >= 2 ** (bits - 1) ? v - 2 ** bits : v;
  }

  /** A byte-aligned 64-bit field; throws when it does not fit a safe integer. */
  u64(pos: number): number {
    if (pos & 7) throw new FormatError('squashfs: unaligned 64-bit field');
    const at = pos >> 3;
    if (at + 8 > this.buf.length) throw new FormatError(`squashfs: 64-bit field at ${at} outside ${this.buf.length} bytes`);
    const v = this.littleEndian ? this.buf.readBigUInt64LE(at) : this.buf.readBigUInt64BE(at);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new FormatError(`squashfs: 64-bit value ${v} too large`);
    return Number(v);
  }
}
