import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { RegistryError } from '../registry/errors.js';
import { classifyError } from './plugins/errors.js';
import { securityHeaders } from './plugins/security-headers.js';

// A fast path that has read a request's body cannot hand the request to Fastify any more (the stream is consumed).
// When it then finds it should not answer itself (a body the route would refuse, a failing lookup), it replays the
// request into Fastify with app.inject (same method, URL, headers, body and client address: the same hooks, route,
// validation, error mapping and log line) and sends Fastify's answer. So every error a client sees is the route's
// own, byte for byte, without the fast path restating ajv's messages.

export interface ReplayedResponse {
  readonly statusCode: number;
  readonly headers: OutgoingHttpHeaders;
  readonly rawPayload: Buffer;
}

/** Runs the request through Fastify (app.inject in app.ts). */
export type Replay = (req: IncomingMessage, body: Buffer) => Promise<ReplayedResponse>;

/** Sends `replayed` on the real connection; node:http adds its own date and connection headers. */
export function sendReplayed(res: ServerResponse, replayed: ReplayedResponse): void {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(replayed.headers)) {
    // light-my-request reports the date, transfer coding and keep-alive of its simulated response; a `connection:
    // close` that Fastify set itself (after a body it could not parse) must stay.
    if (name === 'date' || name === 'transfer-encoding' || (name === 'connection' && value !== 'close')) continue;
    if (value !== undefined) headers[name] = value;
  }
  res.writeHead(replayed.statusCode, headers);
  res.end(replayed.rawPayload);
}

/** When Fastify refuses the replay (it is closing: inject rejects): 503 in the registry's error shape. */
export function sendUnavailable(res: ServerResponse): void {
  const { status, body } = classifyError(new RegistryError('ERR_UNAVAILABLE', 'the server is shutting down; try again'));
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...securityHeaders(false), 'content-length': String(bytes.length), connection: 'close' });
  res.end(bytes);
}
