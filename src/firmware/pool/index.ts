import type { CodecId, DecompressOptions } from '../codecs/types.js';
import { DecompressPool, type PoolTask } from './pool.js';

export { DecompressPool, workerPath, type PoolOptions, type PoolTask } from './pool.js';

let shared: DecompressPool | undefined;

/** The process-wide pool, created on first use and sized to the cores. */
export function sharedPool(): DecompressPool {
  shared ??= new DecompressPool();
  return shared;
}

/** Decompresses in the shared pool's workers; same contract as decompress(), but asynchronous. */
export function decompressInPool(codec: CodecId, input: Uint8Array, options: DecompressOptions, transfer = false): Promise<Buffer> {
  return sharedPool().run({ codec, input, options, transfer });
}

/** Runs a batch in the shared pool; results (Buffer or Error) are in task order. */
export function decompressBatch(tasks: readonly PoolTask[]): Promise<(Buffer | Error)[]> {
  return sharedPool().runBatch(tasks);
}

/** Closes the shared pool (optional: idle workers never keep the process alive). */
export async function closeSharedPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
