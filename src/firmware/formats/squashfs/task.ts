import { FormatError } from '../../errors.js';
import { runBlockJob, type BlockJob } from './block-codec.js';

/** One data block of a task: compressed (job set), stored (job null, length > 0) or a hole (length 0). */
export interface BlockItem {
  readonly job: BlockJob | null;
  /** Offset of the block's bytes inside the task's compressed span. */
  readonly at: number;
  readonly length: number;
  /** Decoded size, or -1 when only the cap is known (fragment blocks); -1 only in single-block tasks. */
  readonly outLength: number;
}

/**
 * A run of data blocks whose compressed bytes are contiguous. Plain data, so a task can be posted to a worker
 * thread or run in this thread with the same code. The compressed span comes with the task (`data`) or is
 * read by the worker itself from the image file (`file`), so that only offsets cross threads.
 */
export interface DecodeTask {
  readonly data?: Uint8Array;
  readonly file?: { readonly path: string; readonly dev: number; readonly ino: number; readonly offset: number; readonly length: number };
  readonly items: readonly BlockItem[];
  /** Total decoded size, or -1 for a single block of unknown size. */
  readonly outSize: number;
  /** Cap on each block's decoded size (the filesystem block size). */
  readonly maxOutput: number;
  /**
   * Where to write the output (a view of the file's buffer, shared memory when it crosses threads); without
   * one the task returns a new buffer.
   */
  readonly target?: Uint8Array;
}

function asBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Decodes every block of a task in order into its target (returns undefined) or into a new buffer. A task of
 * one compressed block without a target hands back the codec's buffer itself.
 */
export function runTask(task: DecodeTask, span: Uint8Array): Buffer | undefined {
  const data = asBuffer(span);
  const single = task.items.length === 1 ? task.items[0]! : undefined;
  if (!task.target && single?.job && single.outLength === task.outSize) {
    const expected = single.outLength >= 0 ? single.outLength : undefined;
    return runBlockJob(single.job, data.subarray(single.at, single.at + single.length), task.maxOutput, expected);
  }
  if (task.outSize < 0) throw new FormatError('squashfs: a block of unknown size must be decoded alone');
  const out = task.target ? asBuffer(task.target) : Buffer.allocUnsafe(task.outSize);
  if (out.length !== task.outSize) throw new FormatError(`squashfs: task target of ${out.length} bytes for ${task.outSize}`);
  let pos = 0;
  for (const item of task.items) {
    const bytes = data.subarray(item.at, item.at + item.length);
    if (item.length === 0) {
      out.fill(0, pos, pos + item.outLength);
    } else if (!item.job) {
      if (item.length !== item.outLength) throw new FormatError(`squashfs: stored block of ${item.length} bytes where ${item.outLength} belong`);
      bytes.copy(out, pos);
    } else {
      runBlockJob(item.job, bytes, task.maxOutput, item.outLength).copy(out, pos);
    }
    pos += item.outLength;
  }
  if (pos !== task.outSize) throw new FormatError(`squashfs: task decoded ${pos} bytes of ${task.outSize}`);
  return task.target ? undefined : out;
}
