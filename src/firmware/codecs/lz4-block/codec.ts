import { FormatError } from '../../errors.js';
import { asBuffer, checkCap } from '../lib/output.js';
import type { DecompressOptions } from '../types.js';
import { decodeLz4Block } from './block.js';

/**
 * A raw LZ4 block (squashfs lz4, kernel images). The block format has no size field: `expectedSize` gives
 * the exact output size; without it the output may be at most `maxOutput` and the decoded length is kept.
 */
export function decompressLz4Block(input: Buffer, options: DecompressOptions): Buffer {
  const size = options.expectedSize ?? Math.min(options.maxOutput, input.length * 255 + 16);
  checkCap('lz4-block', size, options.maxOutput);
  const out = new Uint8Array(size);
  const end = decodeLz4Block(input, 0, input.length, out, 0);
  if (options.expectedSize !== undefined && end !== size) throw new FormatError(`lz4-block: decoded ${end} bytes where ${size} were expected`);
  return asBuffer(end === size ? out : out.subarray(0, end));
}
