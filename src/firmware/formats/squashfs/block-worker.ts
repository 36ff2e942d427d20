// Worker thread of the block pool: reads (when given a file) and decodes tasks posted by block-pool.ts.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { FormatError } from '../../errors.js';
import { runTask, type DecodeTask } from './task.js';

const MAX_OPEN = 4;
const files = new Map<string, number>();
let scratch = Buffer.allocUnsafe(1 << 20);

/** An open descriptor of the image, checked to be the very file the main thread opened (same device and inode). */
function descriptor(path: string, dev: number, ino: number): number {
  const key = `${dev}:${ino}:${path}`;
  let fd = files.get(key);
  if (fd === undefined) {
    fd = openSync(path, 'r');
    const st = fstatSync(fd);
    if (st.dev !== dev || st.ino !== ino) {
      closeSync(fd);
      throw new FormatError(`${path}: the image file was replaced while it was being read`);
    }
    files.set(key, fd);
    if (files.size > MAX_OPEN) {
      const [oldKey, oldFd] = files.entries().next().value!;
      files.delete(oldKey);
      closeSync(oldFd);
    }
  }
  return fd;
}

/** The task's compressed bytes: sent along, or read here into a reused scratch buffer. */
function span(task: DecodeTask): Uint8Array {
  if (task.data) return task.data;
  const { path, dev, ino, offset, length } = task.file!;
  if (scratch.length < length) scratch = Buffer.allocUnsafe(length);
  const fd = descriptor(path, dev, ino);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, scratch, done, length - done, offset + done);
    if (n === 0) throw new FormatError(`${path}: image ends inside a data block`);
    done += n;
  }
  return scratch.subarray(0, length);
}

parentPort?.on('message', (message: { id: number; task: DecodeTask }) => {
  try {
    const out = runTask(message.task, span(message.task));
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
