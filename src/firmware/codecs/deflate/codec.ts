import { inflateRawSync } from 'node:zlib';
import { inflateWith, type InflateResult } from '../lib/node-zlib.js';
import { checkExpected } from '../lib/output.js';
import type { DecompressOptions } from '../types.js';

/** Raw deflate (RFC 1951), no header or checksum. Reports the bytes the stream used. */
export function decodeDeflate(input: Uint8Array, maxOutput: number, expectedSize?: number): InflateResult {
  return inflateWith('deflate', inflateRawSync, input, maxOutput, expectedSize);
}

export function decompressDeflate(input: Buffer, options: DecompressOptions): Buffer {
  const out = decodeDeflate(input, options.maxOutput, options.expectedSize).data;
  checkExpected('deflate', out.length, options.expectedSize);
  return out;
}
