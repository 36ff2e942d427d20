import { inflateSync } from 'node:zlib';
import { inflateWith, type InflateResult } from '../lib/node-zlib.js';
import { checkExpected } from '../lib/output.js';
import type { DecompressOptions } from '../types.js';

/** zlib (RFC 1950): 2-byte header, deflate body, Adler-32 (verified by zlib). Reports the bytes used. */
export function decodeZlib(input: Uint8Array, maxOutput: number, expectedSize?: number): InflateResult {
  return inflateWith('zlib', inflateSync, input, maxOutput, expectedSize);
}

export function decompressZlib(input: Buffer, options: DecompressOptions): Buffer {
  const out = decodeZlib(input, options.maxOutput, options.expectedSize).data;
  checkExpected('zlib', out.length, options.expectedSize);
  return out;
}
