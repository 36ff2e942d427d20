// Worker thread of the decode pool: reads (when given a file span) and decodes the tasks of each batch the
// pool posts, and answers with batched replies.
import { parentPort } from 'node:worker_threads';
import { decompressLoaded, loadCodecs } from '../codecs/lazy.js';
import { FormatError } from '../errors.js';
import { taskSpan } from './file-span.js';
import type { DecodeTask, ReplyBatch, TaskBatch, TaskReply } from './protocol.js';
import { runTask } from './run-task.js';

/** Replies wait at most this long for company, so that the pool hears of finished files promptly. */
const REPLY_EVERY_MS = 2;

function reply(id: number, task: DecodeTask): { reply: TaskReply; transfer?: ArrayBuffer } {
  try {
    const out = runTask(decompressLoaded, task, taskSpan(task));
    if (!out) return { reply: { id } };
    // Transfer needs a buffer that owns its whole ArrayBuffer; codecs may return views of larger memory.
    const owned = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength && out.buffer instanceof ArrayBuffer ? out : new Uint8Array(out);
    return { reply: { id, out: owned }, transfer: owned.buffer as ArrayBuffer };
  } catch (error) {
    const e = error as Error;
    return { reply: { id, error: e.message, format: e instanceof FormatError } };
  }
}

/** Codec ids a batch uses, so they are loaded (once) before its tasks run. */
function codecsOf(batch: TaskBatch): Set<string> {
  const ids = new Set<string>();
  for (const { task } of batch.tasks) for (const item of task.items) if (item.job) ids.add(item.job.codec);
  return ids;
}

// Batches are handled strictly in order: the next waits for the previous one's codecs and tasks.
let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (batch: TaskBatch) => {
  queue = queue.then(() => loadCodecs(codecsOf(batch))).then(() => runBatch(batch), () => runBatch(batch));
});

// An empty reply batch says the worker is up: the pool posts tasks only after it (see WorkerPool).
parentPort?.postMessage({ replies: [] } satisfies ReplyBatch);

function runBatch(batch: TaskBatch): void {
  let replies: TaskReply[] = [];
  let transfer: ArrayBuffer[] = [];
  let since = performance.now();
  const flush = () => {
    const message: ReplyBatch = { replies };
    parentPort!.postMessage(message, transfer);
    replies = [];
    transfer = [];
    since = performance.now();
  };
  for (const { id, task } of batch.tasks) {
    const r = reply(id, task);
    replies.push(r.reply);
    if (r.transfer) transfer.push(r.transfer);
    if (performance.now() - since >= REPLY_EVERY_MS) flush();
  }
  if (replies.length > 0) flush();
}
