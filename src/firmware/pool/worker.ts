// Worker thread body for the decompression pool: runs one codec call and hands the output back without a
// copy (its ArrayBuffer is transferred). Errors come back as data, because a thrown error crosses the
// thread boundary as a plain Error and the caller needs to know a FormatError from a bug.
import { Piscina } from 'piscina';
import { FormatError } from '../errors.js';
import { decompress } from '../codecs/index.js';
import type { DecompressTask, TaskFailure } from './protocol.js';

/** An array whose ArrayBuffer can be moved: it must own the whole buffer (not a slice of Node's pool). */
function transferable(out: Buffer): Uint8Array {
  if (out.byteOffset === 0 && out.byteLength === out.buffer.byteLength && !(out.buffer instanceof SharedArrayBuffer)) {
    return new Uint8Array(out.buffer, 0, out.byteLength);
  }
  return new Uint8Array(out);
}

export default function run(task: DecompressTask): unknown {
  try {
    const input = Buffer.from(task.input.buffer, task.input.byteOffset, task.input.byteLength);
    const out = transferable(decompress(task.codec, input, task.options));
    return Piscina.move(out);
  } catch (error) {
    const failure: TaskFailure = {
      failed: true,
      format: error instanceof FormatError,
      message: error instanceof Error ? error.message : String(error),
    };
    return failure;
  }
}
