import { FormatError } from '../../errors.js';

/** A Buffer over the same memory as `bytes` (no copy). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

/** Throws when a declared or computed output size is over the caller's cap (decompression bombs). */
export function checkCap(codec: string, size: number, maxOutput: number): void {
  if (size > maxOutput) throw new FormatError(`${codec}: output of ${size} bytes is over the ${maxOutput}-byte cap`);
}

/** Throws when the container's expected size disagrees with what was decoded. */
export function checkExpected(codec: string, got: number, expected: number | undefined): void {
  if (expected !== undefined && got !== expected) {
    throw new FormatError(`${codec}: decoded ${got} bytes where ${expected} were expected`);
  }
}
