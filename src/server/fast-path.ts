import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PageCache } from '../registry/public/page-cache.js';
import { chooseCoding, etagMatches, wantsJson, type CachedPage, type Coding } from './page-response.js';
import { labelIdPattern } from './routes/schemas.js';

// The page a label's QR code opens is the registry's hottest path and, once rendered, the same bytes for everyone.
// A request for a page that is already cached (and still fresh: the cache checks for changes by this and other
// processes on each lookup) is answered here, before Fastify builds its request and reply objects and runs its
// hooks. It sends exactly what the route sends for a cache hit (the same precomputed headers and bytes; the tests
// compare the two). Anything else (a miss, another query string, a scanned label, a closing server) goes to
// Fastify untouched.

const LABEL_ID = new RegExp(labelIdPattern);
const codings = new Map<string, Coding>();

function coding(acceptEncoding: string | undefined): Coding {
  if (acceptEncoding === undefined) return 'identity';
  let c = codings.get(acceptEncoding);
  if (c === undefined) {
    c = chooseCoding(acceptEncoding);
    // Browsers send a handful of distinct values; a client sending endless new ones only refills the memo.
    if (codings.size >= 256) codings.clear();
    codings.set(acceptEncoding, c);
  }
  return c;
}

/** Fastify's request handler, for a request a fast path took but then gives to Fastify before reading its body. */
export type Fallback = (req: IncomingMessage, res: ServerResponse) => void;

export interface FastPath {
  /**
   * True when it took the request: it answers it, or hands it to `fallback` itself (before touching the body).
   * False: it did nothing, the caller hands the request to Fastify.
   */
  handle(req: IncomingMessage, res: ServerResponse, fallback: Fallback): boolean;
  /** From now on every request goes to Fastify (which answers 503 while closing). */
  stop(): void;
  /** Requests it answered (for tests and diagnostics). */
  readonly answered: number;
}

export function publicPageFastPath(pages: () => PageCache<CachedPage>): FastPath {
  let stopped = false;
  let answered = 0;
  return {
    stop() { stopped = true; },
    get answered() { return answered; },
    handle(req, res) {
      const url = req.url;
      if (stopped || url === undefined || !url.startsWith('/p/') || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
      const q = url.indexOf('?');
      const id = q < 0 ? url.slice(3) : url.slice(3, q);
      const query = q < 0 ? '' : url.slice(q + 1);
      let format: string | undefined;
      if (query === 'format=json') format = 'json';
      else if (query === 'format=html') format = 'html';
      else if (query !== '') return false;
      if (!LABEL_ID.test(id)) return false;
      const page = pages().get(id);
      if (!page) return false;
      const variant = (wantsJson(format, req.headers.accept) ? page.json : page.html)[coding(req.headers['accept-encoding'])];
      if (etagMatches(req.headers['if-none-match'], variant.etag)) {
        res.writeHead(304, variant.notModified);
        res.end();
      } else {
        res.writeHead(200, variant.headers);
        res.end(req.method === 'HEAD' ? undefined : variant.body);
      }
      answered++;
      return true;
    },
  };
}
