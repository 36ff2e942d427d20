import { availableParallelism } from 'node:os';
import type { CodecId, DecompressOptions } from '../codecs/types.js';
import { inlineRunner, WorkerPool, type TaskRunner } from './pool.js';

export { runBlockJob } from './block-job.js';
export { inlineRunner, WorkerPool, type TaskRunner } from './pool.js';
export type { BlockItem, BlockJob, DecodeTask, FileSpan, LzmaProps } from './protocol.js';
export { writeAt } from './run-task.js';

let shared: TaskRunner | undefined;

/**
 * The process-wide decode pool: one worker thread per core, or this thread when IOTCOP_WORKERS=0 (or the
 * machine has a single core). Workers start on first use (or `warm()`) and never keep the process alive.
 */
export function sharedPool(): TaskRunner {
  if (!shared) {
    const cores = availableParallelism();
    const configured = Number(process.env.IOTCOP_WORKERS ?? (cores >= 2 ? cores : 0));
    const size = Number.isFinite(configured) ? Math.max(0, Math.min(64, Math.floor(configured))) : 1;
    shared = size >= 1 ? new WorkerPool(size) : inlineRunner;
  }
  return shared;
}

/**
 * Decompresses one buffer on a pool thread: the same contract as decompress(), asynchronous. The input is
 * moved to the worker when the array owns its memory (the caller's array is detached), copied otherwise.
 */
export async function decompressInPool(codec: CodecId, input: Uint8Array, options: DecompressOptions, runner: TaskRunner = sharedPool()): Promise<Buffer> {
  const { lzma, expectedSize } = options;
  const job = lzma ? { codec, skip: 0, lzma } : { codec, skip: 0 };
  const outLength = expectedSize ?? -1;
  const out = await runner.run({ data: input, items: [{ job, at: 0, length: input.length, outLength }], outSize: outLength, maxOutput: options.maxOutput });
  if (!out) throw new Error('decode pool returned nothing');
  return out;
}
