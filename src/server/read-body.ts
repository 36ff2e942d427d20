import type { IncomingMessage } from 'node:http';

/**
 * A request's body of `length` declared bytes, or undefined when the request ends badly (client abort, stream
 * error, or more bytes than declared, which node:http's parser already prevents: the request is then destroyed).
 * At most `length` bytes are kept; every listener is removed once it settles.
 */
export function readBody(req: IncomingMessage, length: number): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (body: Buffer | undefined) => {
      req.off('data', onData).off('end', onEnd).off('error', onFail).off('close', onFail);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > length) {
        finish(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    const onFail = () => finish(undefined);
    req.on('data', onData).on('end', onEnd).on('error', onFail).on('close', onFail);
  });
}
