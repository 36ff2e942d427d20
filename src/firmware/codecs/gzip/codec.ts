import { checkExpected } from '../lib/output.js';
import type { DecompressOptions } from '../types.js';
import { decodeGzip } from './member.js';

/** gzip (RFC 1952), every concatenated member, CRC32 and ISIZE verified; trailing bytes are ignored. */
export function decompressGzip(input: Buffer, options: DecompressOptions): Buffer {
  const out = decodeGzip(input, options.maxOutput).data;
  checkExpected('gzip', out.length, options.expectedSize);
  return out;
}
