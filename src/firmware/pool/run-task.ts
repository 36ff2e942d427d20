import { writeSync } from 'node:fs';
import { FormatError } from '../errors.js';
import { runBlockJob } from './block-job.js';
import type { BlockItem, DecodeTask, Decompress } from './protocol.js';

function asBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** Writes all of `bytes` at `position` of `fd` (pwrite; short writes are continued). */
export function writeAt(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

/**
 * One block's decoded bytes (a view of `bytes` for a stored block), for the caller to write or copy at once:
 * they may be a view of the codec's memory. Holes are not handled here.
 */
function decodeItem(decompress: Decompress, item: BlockItem, bytes: Buffer, maxOutput: number): Buffer {
  if (item.job) return runBlockJob(decompress, item.job, bytes, maxOutput, item.outLength, true);
  if (item.length !== item.outLength) throw new FormatError(`stored block of ${item.length} bytes where ${item.outLength} belong`);
  return bytes;
}

/** Writes each block at its place in the descriptor, straight from the codec's output; holes are skipped. */
function toDescriptor(decompress: Decompress, task: DecodeTask, fd: number, data: Buffer): void {
  let pos = task.position ?? 0;
  for (const item of task.items) {
    if (item.length > 0) writeAt(fd, decodeItem(decompress, item, data.subarray(item.at, item.at + item.length), task.maxOutput), pos);
    pos += item.outLength;
  }
}

/**
 * Decodes every block of a task in order, into its descriptor or its target (returns undefined) or into a
 * new buffer. A task of one compressed block without a destination hands back the codec's buffer itself.
 * `span` is the task's compressed bytes (sent along or read from the image file).
 */
export function runTask(decompress: Decompress, task: DecodeTask, span: Uint8Array): Buffer | undefined {
  const data = asBuffer(span);
  if (task.outSize < 0) {
    const single = task.items[0];
    if (task.items.length !== 1 || !single?.job || task.target || task.fd !== undefined) throw new FormatError('a block of unknown size must be decoded alone into a new buffer');
    return runBlockJob(decompress, single.job, data.subarray(single.at, single.at + single.length), task.maxOutput);
  }
  let total = 0;
  for (const item of task.items) total += item.outLength;
  if (total !== task.outSize) throw new FormatError(`task blocks add up to ${total} bytes, not ${task.outSize}`);
  if (task.fd !== undefined) {
    toDescriptor(decompress, task, task.fd, data);
    return undefined;
  }
  const only = task.items.length === 1 ? task.items[0]! : undefined;
  if (!task.target && only?.job) return runBlockJob(decompress, only.job, data.subarray(only.at, only.at + only.length), task.maxOutput, only.outLength);
  const out = task.target ? asBuffer(task.target) : Buffer.allocUnsafe(task.outSize);
  if (out.length !== task.outSize) throw new FormatError(`task target of ${out.length} bytes for ${task.outSize}`);
  let pos = 0;
  for (const item of task.items) {
    if (item.length === 0) out.fill(0, pos, pos + item.outLength);
    else decodeItem(decompress, item, data.subarray(item.at, item.at + item.length), task.maxOutput).copy(out, pos);
    pos += item.outLength;
  }
  return task.target ? undefined : out;
}
