// Worker thread of the block pool: reads (when given a file) and decodes tasks posted by block-pool.ts.
import { parentPort } from 'node:worker_threads';
import { FormatError } from '../../errors.js';
import { taskSpan } from './file-span.js';
import { runTask, type DecodeTask } from './task.js';

parentPort?.on('message', (message: { id: number; task: DecodeTask }) => {
  try {
    const out = runTask(message.task, taskSpan(message.task));
    if (!out) {
      parentPort!.postMessage({ id: message.id });
      return;
    }
    // Transfer needs a buffer that owns its whole ArrayBuffer; codecs may return views of larger memory.
    let owned = out;
    if (out.byteOffset !== 0 || out.byteLength !== out.buffer.byteLength) {
      owned = Buffer.from(new ArrayBuffer(out.length));
      out.copy(owned);
    }
    parentPort!.postMessage({ id: message.id, out: owned }, [owned.buffer as ArrayBuffer]);
  } catch (error) {
    const e = error as Error;
    parentPort!.postMessage({ id: message.id, error: e.message, format: e instanceof FormatError });
  }
});
