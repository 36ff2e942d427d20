import type { IncomingMessage } from 'node:http';
import { bearerToken } from './plugins/auth.js';

// What the retailer-check fast path (retail-fast-path.ts) takes, decided from the request line and headers alone:
// once it reads the body, Fastify can no longer have the request, so anything it is not sure to answer exactly as
// the route would goes to Fastify before a byte of the body is read.

export const RETAIL_CHECK_PATH = '/api/v1/retail/check';

/** The fast path reads at most this much, whatever ctx.limits.bodyBytes allows (the route keeps larger bodies). */
export const RETAIL_FAST_MAX_BYTES = 64 * 1024;

const URLS = new Map<string, 'json' | 'csv' | undefined>([
  [RETAIL_CHECK_PATH, undefined],
  [`${RETAIL_CHECK_PATH}?format=json`, 'json'],
  [`${RETAIL_CHECK_PATH}?format=csv`, 'csv'],
]);
const JSON_TYPES = new Set(['application/json', 'application/json; charset=utf-8', 'application/json;charset=utf-8']);
const CONTENT_LENGTH = /^[0-9]{1,9}$/;

export interface RetailTake {
  /** The bearer token; the fast path still has to resolve it to a principal. */
  readonly token: string;
  /** `?format=` of the query string. */
  readonly format: 'json' | 'csv' | undefined;
  /** The declared body length, 1..maxBytes. */
  readonly length: number;
}

/**
 * A JSON retailer check with a bearer token and a small declared body, and nothing unusual (no chunked or encoded
 * body, no cookie, no `Expect`): the request the fast path may take. Anything else is Fastify's.
 */
export function takeRetailRequest(req: IncomingMessage, maxBytes: number): RetailTake | undefined {
  if (req.method !== 'POST' || req.url === undefined || !URLS.has(req.url)) return undefined;
  const h = req.headers;
  if (h.authorization === undefined || h['transfer-encoding'] !== undefined || h['content-encoding'] !== undefined || h.cookie !== undefined || h.expect !== undefined) return undefined;
  const type = h['content-type'];
  if (type === undefined || !JSON_TYPES.has(type.toLowerCase())) return undefined;
  const declared = h['content-length'];
  if (declared === undefined || !CONTENT_LENGTH.test(declared)) return undefined;
  const length = Number(declared);
  if (length < 1 || length > maxBytes) return undefined;
  const token = bearerToken(h.authorization);
  if (token === undefined) return undefined;
  return { token, format: URLS.get(req.url), length };
}

/**
 * The identifiers of a body the route's schema accepts (an object with only `identifiers`: 1..maxRows strings of
 * 1..128 characters), or undefined when the fast path should not answer it itself. It may refuse a body the route
 * accepts (a byte-order mark, a string of 129..256 UTF-16 units that ajv counts as at most 128 code points, text
 * with U+FFFD that may come from a malformed UTF-8 sequence Fastify decodes on its own): such a body is replayed to
 * Fastify, which answers it. It never accepts one the route refuses.
 */
export function retailIdentifiers(text: string, maxRows: number): string[] | undefined {
  if (text.includes('\uFFFD')) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  // JSON.parse makes `__proto__` an own key like any other, so this also refuses what Fastify's parser rejects.
  for (const key in body) if (key !== 'identifiers') return undefined;
  const ids = (body as { identifiers?: unknown }).identifiers;
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > maxRows) return undefined;
  for (const id of ids as unknown[]) if (typeof id !== 'string' || id.length < 1 || id.length > 128) return undefined;
  return ids as string[];
}
