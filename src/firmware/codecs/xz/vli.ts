import { FormatError } from '../../errors.js';

/** Reads an xz variable-length integer (7 bits per byte, little-endian, at most 9 bytes, no zero padding). */
export function readVli(buf: Uint8Array, pos: number, limit: number): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 9; i++) {
    if (pos + i >= limit) throw new FormatError('xz: truncated variable-length integer');
    const b = buf[pos + i]!;
    value += (b & 0x7f) * scale;
    if ((b & 0x80) === 0) {
      if (b === 0 && i > 0) throw new FormatError('xz: variable-length integer has a redundant zero byte');
      if (!Number.isSafeInteger(value)) throw new FormatError('xz: variable-length integer is too large');
      return { value, next: pos + i + 1 };
    }
    scale *= 128;
  }
  throw new FormatError('xz: variable-length integer is longer than 9 bytes');
}
