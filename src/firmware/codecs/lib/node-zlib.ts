import { FormatError } from '../../errors.js';
import { asBuffer } from './output.js';

type SyncInflate = (input: Uint8Array, options: { maxOutputLength: number; info: true }) => { buffer: Buffer; engine: { bytesWritten: number } };

/** Result of an inflate through node:zlib: the bytes and how much of the input the stream used. */
export interface InflateResult {
  readonly data: Buffer;
  readonly consumed: number;
}

/**
 * Runs one of node:zlib's synchronous inflaters with `maxOutputLength` (a decompression bomb fails with a
 * RangeError inside zlib before the memory is spent). Errors become FormatError. `bytesWritten` of the
 * engine is the count of input bytes zlib consumed: trailing bytes after the stream are not counted.
 */
export function inflateWith(codec: string, fn: unknown, input: Uint8Array, maxOutput: number): InflateResult {
  try {
    // node:zlib takes at most kMaxLength; a cap above it is the same as none.
    const cap = Math.max(1, Math.min(maxOutput, 2 ** 31 - 1));
    const r = (fn as SyncInflate)(input, { maxOutputLength: cap, info: true });
    if (r.buffer.length > maxOutput) throw new FormatError(`${codec}: output over the ${maxOutput}-byte cap`);
    return { data: asBuffer(r.buffer), consumed: r.engine.bytesWritten };
  } catch (error) {
    if (error instanceof FormatError) throw error;
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
      throw new FormatError(`${codec}: output over the ${maxOutput}-byte cap`, { cause: error });
    }
    throw new FormatError(`${codec}: ${e.message}`, { cause: error });
  }
}
