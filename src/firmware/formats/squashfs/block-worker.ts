// Worker thread of the block pool: decodes tasks posted by block-pool.ts and transfers the output back.
import { parentPort } from 'node:worker_threads';
import { FormatError } from '../../errors.js';
import { runTask, type DecodeTask } from './task.js';

parentPort?.on('message', (message: { id: number; task: DecodeTask }) => {
  try {
    const out = runTask({ ...message.task, transferable: true });
    parentPort!.postMessage({ id: message.id, out }, [out.buffer as ArrayBuffer]);
  } catch (error) {
    const e = error as Error;
    parentPort!.postMessage({ id: message.id, error: e.message, format: e instanceof FormatError });
  }
});
