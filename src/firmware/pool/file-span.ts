import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { FormatError } from '../errors.js';
import type { DecodeTask } from './protocol.js';

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

/**
 * A task's compressed bytes: sent along, or read from the image file into a scratch buffer that the next
 * call reuses (the task is decoded before that). Used by the workers, and by the pool when it has none.
 */
export function taskSpan(task: DecodeTask): Uint8Array {
  if (task.data) return task.data;
  if (!task.file) throw new FormatError('decode task without bytes');
  const { path, dev, ino, offset, length } = task.file;
  if (scratch.length < length) scratch = Buffer.allocUnsafe(length);
  const fd = descriptor(path, dev, ino);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, scratch, done, length - done, offset + done);
    if (n === 0) throw new FormatError(`${path}: the image ends inside a block`);
    done += n;
  }
  return scratch.subarray(0, length);
}
