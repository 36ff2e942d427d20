import { FormatError } from '../errors.js';

/**
 * A bounds-checked cursor over a buffer for parsing headers and tables in either byte order. Every read
 * checks the remaining length; 64-bit values are returned as numbers only when they are safe integers.
 */
export class BinaryReader {
  pos = 0;

  constructor(readonly buf: Buffer, public littleEndian = true, readonly label = 'buffer') {}

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  seek(pos: number): this {
    if (!Number.isSafeInteger(pos) || pos < 0 || pos > this.buf.length) throw new FormatError(`${this.label}: seek to ${pos} outside ${this.buf.length} bytes`);
    this.pos = pos;
    return this;
  }

  skip(n: number): this {
    return this.seek(this.pos + n);
  }

  private need(n: number): number {
    if (n < 0 || this.pos + n > this.buf.length) throw new FormatError(`${this.label}: truncated, need ${n} bytes at ${this.pos} of ${this.buf.length}`);
    const at = this.pos;
    this.pos += n;
    return at;
  }

  u8(): number {
    return this.buf[this.need(1)]!;
  }

  u16(): number {
    const at = this.need(2);
    return this.littleEndian ? this.buf.readUInt16LE(at) : this.buf.readUInt16BE(at);
  }

  u32(): number {
    const at = this.need(4);
    return this.littleEndian ? this.buf.readUInt32LE(at) : this.buf.readUInt32BE(at);
  }

  i32(): number {
    const at = this.need(4);
    return this.littleEndian ? this.buf.readInt32LE(at) : this.buf.readInt32BE(at);
  }

  /** A 64-bit unsigned value; throws when it does not fit in a safe integer (no real image needs more). */
  u64(): number {
    const at = this.need(8);
    const v = this.littleEndian ? this.buf.readBigUInt64LE(at) : this.buf.readBigUInt64BE(at);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new FormatError(`${this.label}: 64-bit value ${v} at ${at} too large`);
    return Number(v);
  }

  bytes(n: number): Buffer {
    const at = this.need(n);
    return this.buf.subarray(at, at + n);
  }

  /** A NUL-terminated or fixed-width string field, decoded as latin1 so any byte survives. */
  cstring(width?: number): string {
    if (width !== undefined) {
      const field = this.bytes(width);
      const nul = field.indexOf(0);
      return field.subarray(0, nul === -1 ? width : nul).toString('latin1');
    }
    const nul = this.buf.indexOf(0, this.pos);
    if (nul === -1) throw new FormatError(`${this.label}: unterminated string at ${this.pos}`);
    const s = this.buf.subarray(this.pos, nul).toString('latin1');
    this.pos = nul + 1;
    return s;
  }
}
