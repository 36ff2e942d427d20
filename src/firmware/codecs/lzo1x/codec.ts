import { FormatError } from '../../errors.js';
import { asBuffer, checkCap } from '../lib/output.js';
import type { DecompressOptions } from '../types.js';
import { decodeLzo1x } from './decoder.js';
import { decodeLzop, LZOP_MAGIC } from './lzop.js';

/**
 * Raw LZO1X data (squashfs lzo, JFFS2, UBIFS), or a whole lzop file when the input starts with lzop's
 * magic. Raw data has no size field: `expectedSize` gives the exact size, else up to `maxOutput` is allowed.
 */
export function decompressLzo1x(input: Buffer, options: DecompressOptions): Buffer {
  if (input.length >= LZOP_MAGIC.length && input.subarray(0, LZOP_MAGIC.length).equals(LZOP_MAGIC)) {
    return decodeLzop(input, options.maxOutput).data;
  }
  const size = options.expectedSize ?? Math.min(options.maxOutput, input.length * 256 + 64);
  checkCap('lzo1x', size, options.maxOutput);
  const out = new Uint8Array(size);
  const n = decodeLzo1x(input, 0, input.length, out);
  if (options.expectedSize !== undefined && n !== size) throw new FormatError(`lzo1x: decoded ${n} bytes where ${size} were expected`);
  return asBuffer(n === size ? out : out.subarray(0, n));
}
