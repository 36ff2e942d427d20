import { FormatError } from '../errors.js';
import type { BlockJob, Decompress } from './protocol.js';

/**
 * Decodes one block as planned (in this thread or inside a worker) with `decompress`. The output must not
 * exceed `maxOutput` and must equal `expectedSize` when given. `transient`: the caller writes or copies the
 * output at once (see DecompressOptions.transient).
 */
export function runBlockJob(decompress: Decompress, job: BlockJob, data: Buffer, maxOutput: number, expectedSize?: number, transient = false): Buffer {
  const input = job.skip ? data.subarray(job.skip) : data;
  const lzma = job.lzma ? { lzma: job.lzma } : {};
  let out: Buffer;
  if (expectedSize === undefined && job.codec === 'lzma-raw') {
    // A raw stream has neither a size nor an end marker. Metadata and fragment blocks do not say how big
    // they are either: a decoder that runs to the input's end may decode the range coder's flush bytes past
    // a full block's end, so a block that overflows the cap is decoded again as exactly the cap.
    try {
      out = decompress(job.codec, input, { maxOutput, ...lzma });
    } catch (error) {
      try {
        out = decompress(job.codec, input, { maxOutput, expectedSize: maxOutput, ...lzma });
      } catch {
        throw error;
      }
    }
    return out;
  }
  out = decompress(job.codec, input, { maxOutput, ...(expectedSize !== undefined ? { expectedSize } : {}), ...lzma, transient });
  if (expectedSize !== undefined && out.length !== expectedSize) {
    throw new FormatError(`${job.codec} block gave ${out.length} bytes, expected ${expectedSize}`);
  }
  return out;
}
