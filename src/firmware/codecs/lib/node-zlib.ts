import { FormatError } from '../../errors.js';
import { asBuffer } from './output.js';

type SyncInflate = (input: Uint8Array, options: { maxOutputLength: number; info: true; chunkSize: number }) => { buffer: Buffer; engine: { bytesWritten: number } };

/** Result of an inflate through node:zlib: the bytes and how much of the input the stream used. */
export interface InflateResult {
  readonly data: Buffer;
  readonly consumed: number;
}

/** Smallest and largest output chunk node:zlib is given (its minimum is 64 bytes). */
const MIN_CHUNK = 64;
const MAX_CHUNK = 4 << 20;
const SMALL_CAP = 1 << 20;
const DEFAULT_CHUNK = 64 * 1024;

/**
 * Output chunk size for one inflate. node:zlib collects the output in chunks and concatenates them (a full
 * copy) when there are several: with the size known (a squashfs block), one chunk a little larger than it
 * holds everything, so nothing is copied and no second chunk is allocated.
 */
function chunkSizeFor(expectedSize: number | undefined, cap: number): number {
  // Without a size, a small cap (a block of unknown length: squashfs fragments, metadata) is the size.
  const size = expectedSize ?? (cap <= SMALL_CAP ? cap : DEFAULT_CHUNK);
  return Math.max(MIN_CHUNK, Math.min(size, cap, MAX_CHUNK) + MIN_CHUNK);
}

/**
 * Runs one of node:zlib's synchronous inflaters with `maxOutputLength` (a decompression bomb fails with a
 * RangeError inside zlib before the memory is spent). Errors become FormatError. `bytesWritten` of the
 * engine is the count of input bytes zlib consumed: trailing bytes after the stream are not counted.
 */
export function inflateWith(codec: string, fn: unknown, input: Uint8Array, maxOutput: number, expectedSize?: number): InflateResult {
  try {
    // node:zlib takes at most kMaxLength; a cap above it is the same as none.
    const cap = Math.max(1, Math.min(maxOutput, 2 ** 31 - 1));
    const r = (fn as SyncInflate)(input, { maxOutputLength: cap, info: true, chunkSize: chunkSizeFor(expectedSize, cap) });
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
