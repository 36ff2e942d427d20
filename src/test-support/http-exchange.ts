import { request } from 'node:http';
import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';

// What a client sees of an HTTP answer, so a test can compare a listening server (where the fast paths answer) with
// app.inject (always the Fastify route): status, headers in the order sent, body. Headers node:http or
// light-my-request add by themselves (date, keep-alive) are left out; a `connection: close` is kept.

export interface Seen {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

const volatile = (name: string, value: string) => name === 'date' || name === 'keep-alive' || (name === 'connection' && value.toLowerCase() === 'keep-alive');

/** POST `body` with exactly these headers (plus Host and the agent's Connection) to a listening server. */
export function postToServer(base: string, path: string, headers: Record<string, string>, body: Buffer | string): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method: 'POST', headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const headers: [string, string][] = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i]!.toLowerCase();
          const value = res.rawHeaders[i + 1]!;
          if (!volatile(name, value)) headers.push([name, value]);
        }
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The same request through app.inject: the Fastify route, never a fast path. */
export async function postToRoute(app: FastifyInstance, path: string, headers: Record<string, string>, body: Buffer | string): Promise<Seen> {
  const res = await app.inject({ method: 'POST', url: path, headers: { 'content-length': String(Buffer.byteLength(body)), ...headers }, payload: body });
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(res.headers)) if (value !== undefined && !volatile(name, String(value))) out.push([name, String(value)]);
  return { status: res.statusCode, headers: out, body: res.body };
}

/**
 * Writes `bytes` on a fresh connection and returns everything the server sends until it closes the connection
 * (or `waitMs` passes). `end` half-closes after writing; `destroy` resets the connection right after writing.
 */
export function rawExchange(base: string, bytes: string | Buffer, options: { end?: boolean; destroy?: boolean; waitMs?: number } = {}): Promise<string> {
  const url = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(bytes);
      if (options.end) socket.end();
      if (options.destroy) socket.resetAndDestroy();
    });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), options.waitMs ?? 2000);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}

/** A raw answer without its Date line (the only part that differs between two identical answers). */
export const withoutDate = (raw: string): string => raw.replace(/^Date: .*\r\n/im, '');
