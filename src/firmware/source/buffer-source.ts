import { FormatError } from '../errors.js';
import type { ByteSource } from '../types.js';

/** Checks that [offset, offset + length) lies inside [0, size); every source goes through this. */
export function checkRange(label: string, size: number, offset: number, length: number): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > size) {
    throw new FormatError(`${label}: read of ${length} bytes at ${offset} is outside the ${size}-byte source`);
  }
}

/** A source over bytes already in memory (decompressed streams, small payloads). */
export class BufferSource implements ByteSource {
  constructor(private readonly bytes: Buffer, readonly label: string) {}

  get size(): number {
    return this.bytes.length;
  }

  read(offset: number, length: number): Buffer {
    checkRange(this.label, this.bytes.length, offset, length);
    return this.bytes.subarray(offset, offset + length);
  }

  slice(offset: number, length: number): ByteSource {
    checkRange(this.label, this.bytes.length, offset, length);
    return new BufferSource(this.bytes.subarray(offset, offset + length), `${this.label}@0x${offset.toString(16)}`);
  }
}
