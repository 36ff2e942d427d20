import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { securityHeaders } from './plugins/security-headers.js';

// A cached public page is kept as ready-to-send bytes: the body in each content coding, compressed once when the
// page is rendered (not per request), a strong ETag per coding, and the complete header sets. Serving it is a map
// lookup and one write, with no per-request allocation beyond what node:http itself does.

export type Coding = 'identity' | 'gzip' | 'br';
const CODINGS: readonly Coding[] = ['identity', 'gzip', 'br'];

/** Clients revalidate every time (a revoked label must show at once); an unchanged page costs a 304. */
export const PAGE_CACHE_CONTROL = 'public, no-cache';
export const PAGE_VARY = 'accept, accept-encoding';

export interface Variant {
  readonly body: Buffer;
  readonly etag: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly notModified: Readonly<Record<string, string>>;
}

/** One media type of a page (HTML or JSON) in every coding. */
export type Representation = Readonly<Record<Coding, Variant>>;

export interface CachedPage {
  readonly html: Representation;
  readonly json: Representation;
}

function encode(body: Buffer, coding: Coding): Buffer {
  if (coding === 'gzip') return gzipSync(body, { level: 9 });
  if (coding === 'br') return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
  return body;
}

/** Precomputes the bytes and headers of `text` served as `type` (e.g. 'text/html; charset=utf-8'). */
export function representation(text: string, type: string): Representation {
  const identity = Buffer.from(text, 'utf8');
  // Strong validator: a hash of the exact bytes, with the coding in it (RFC 9110 8.8.3: each coding is its own
  // representation).
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 27);
  const security = securityHeaders(type.startsWith('text/html'));
  const out: Partial<Record<Coding, Variant>> = {};
  for (const coding of CODINGS) {
    const body = encode(identity, coding);
    const etag = `"${hash}${coding === 'identity' ? '' : `-${coding}`}"`;
    const common = { etag, 'cache-control': PAGE_CACHE_CONTROL, vary: PAGE_VARY };
    out[coding] = {
      body, etag,
      headers: { 'content-type': type, 'content-length': String(body.length), ...(coding === 'identity' ? {} : { 'content-encoding': coding }), ...common, ...security },
      notModified: { ...common, ...security },
    };
  }
  return out as Representation;
}

/** The best coding the client accepts (RFC 9110 12.5.3): br, then gzip, else identity; `q=0` refuses one. */
export function chooseCoding(acceptEncoding: string | undefined): Coding {
  if (!acceptEncoding) return 'identity';
  const accepted = new Set<string>();
  const refused = new Set<string>();
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.split(';');
    const token = name.trim().toLowerCase();
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)).find(Boolean);
    (q && Number(q[1]) === 0 ? refused : accepted).add(token);
  }
  const ok = (c: string) => accepted.has(c) || (accepted.has('*') && !refused.has(c));
  if (ok('br')) return 'br';
  return ok('gzip') ? 'gzip' : 'identity';
}

/** If-None-Match (RFC 9110 13.1.2, weak comparison): `*` or any listed tag equal to ours. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  for (const raw of ifNoneMatch.split(',')) {
    const tag = raw.trim();
    if (tag === etag || (tag.startsWith('W/') && tag.slice(2) === etag)) return true;
  }
  return false;
}

/** JSON for API clients that ask for it and not for HTML; browsers and QR scanners get the page. */
export function wantsJson(format: string | undefined, accept: string | undefined): boolean {
  if (format) return format === 'json';
  const a = accept ?? '';
  return a.includes('application/json') && !a.includes('text/html');
}
