import { FormatError } from '../../errors.js';
import { runBlockJob, type BlockJob } from './block-codec.js';

/** One data block of a task: compressed (job set), stored (job null, length > 0) or a hole (length 0). */
export interface BlockItem {
  readonly job: BlockJob | null;
  /** Offset of the block's bytes inside the task's data. */
  readonly at: number;
  readonly length: number;
  /** Decoded size, or -1 when only the cap is known (fragment blocks); -1 only in single-block tasks. */
  readonly outLength: number;
}

/**
 * A run of data blocks to decode into one output buffer. Plain data with one byte buffer, so a task can be
 * posted to a worker thread (the buffer transferred, not copied) or run in this thread with the same code.
 */
export interface DecodeTask {
  readonly data: Uint8Array;
  readonly items: readonly BlockItem[];
  /** Total decoded size, or -1 for a single block of unknown size. */
  readonly outSize: number;
  /** Cap on each block's decoded size (the filesystem block size). */
  readonly maxOutput: number;
  /** Output must be a standalone ArrayBuffer so that it can be transferred back from a worker. */
  readonly transferable?: boolean;
}

function asBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** A buffer that owns its whole ArrayBuffer (codecs may return views into larger or pooled memory). */
function standalone(buf: Buffer): Buffer {
  if (buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength) return buf;
  const copy = Buffer.from(new ArrayBuffer(buf.length));
  buf.copy(copy);
  return copy;
}

/** Decodes every block of a task in order; a task of one compressed block hands back the codec's buffer. */
export function runTask(task: DecodeTask): Buffer {
  const data = asBuffer(task.data);
  const single = task.items.length === 1 ? task.items[0]! : undefined;
  if (single?.job && single.outLength === task.outSize) {
    const expected = single.outLength >= 0 ? single.outLength : undefined;
    const out = runBlockJob(single.job, data.subarray(single.at, single.at + single.length), task.maxOutput, expected);
    return task.transferable ? standalone(out) : out;
  }
  if (task.outSize < 0) throw new FormatError('squashfs: a block of unknown size must be decoded alone');
  const out = task.transferable ? Buffer.from(new ArrayBuffer(task.outSize)) : Buffer.allocUnsafe(task.outSize);
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
  return out;
}
