import { open, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { DEFAULT_MAX_BYTES, type FetchRequestOptions, type WebResponse, type WebSource } from './types.js';

/**
 * Saved copies of published pages instead of the network (`--web-snapshot DIR`). Layout, the one `wget -x` makes:
 *
 *   DIR/<host>/<path>               https://<host>/<path>
 *   DIR/<host>_<port>/<path>        https://<host>:<port>/<path>
 *   DIR/<host>/<path>/index.html    when <path> ends in "/" or is a folder in the snapshot
 *
 * Query strings and fragments are ignored. The content type comes from the extension (.txt text/plain, .html/.htm
 * text/html, .json, .asc/.pgp), else from the first bytes. A URL with no saved copy gives `not-in-snapshot`, and
 * nothing outside DIR is ever read (`..`, encoded separators and symbolic links leaving DIR are refused).
 */
export class SnapshotSource implements WebSource {
  readonly kind = 'snapshot' as const;
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  async get(url: string, options: FetchRequestOptions = {}): Promise<WebResponse> {
    const base = { url, finalUrl: url, redirects: [], source: 'snapshot' as const, tls: 'not-checked' as const };
    const missing = (message: string): WebResponse => ({ ...base, error: { code: 'not-in-snapshot', message } });
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { ...base, error: { code: 'bad-url', message: `not an absolute URL: ${url.slice(0, 200)}` } };
    }
    if (parsed.protocol !== 'https:') return { ...base, error: { code: 'not-https', message: `${parsed.protocol} is not https` } };
    const relative = relativePath(parsed);
    if (!relative) return missing(`${url}: the path cannot be mapped into the snapshot`);
    const root = await realpath(this.#dir).catch(() => undefined);
    if (!root) return missing(`the snapshot folder ${this.#dir} does not exist`);
    const file = await locate(root, relative);
    if (!file) return missing(`no saved copy of ${url} in ${this.#dir} (looked for ${relative.join('/')})`);
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const body = await readHead(file, maxBytes + 1);
    const contentType = typeFor(file, body);
    if (body.length > maxBytes) return { ...base, status: 200, contentType, error: { code: 'too-large', message: `the saved copy is larger than ${maxBytes} bytes` } };
    return { ...base, status: 200, contentType, body };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

function relativePath(url: URL): string[] | undefined {
  const host = url.port ? `${url.hostname}_${url.port}` : url.hostname;
  const segments: string[] = [];
  for (const raw of url.pathname.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '..' || segment.includes('/') || segment.includes('\\') || segment.includes('\0')) return undefined;
    if (segment !== '' && segment !== '.') segments.push(segment);
  }
  if (url.pathname.endsWith('/')) segments.push('index.html');
  return [host.replace(/[[\]:]/g, '_'), ...segments];
}

async function locate(root: string, relative: readonly string[]): Promise<string | undefined> {
  for (const candidate of [join(root, ...relative), join(root, ...relative, 'index.html')]) {
    const real = await realpath(candidate).catch(() => undefined);
    if (!real || !real.startsWith(root + sep)) continue;
    const info = await stat(real).catch(() => undefined);
    if (info?.isFile()) return real;
  }
  return undefined;
}

async function readHead(path: string, limit: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(limit);
    let filled = 0;
    while (filled < limit) {
      const { bytesRead } = await handle.read(buffer, filled, limit - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

const TYPES: Record<string, string> = {
  '.txt': 'text/plain; charset=utf-8', '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8',
  '.json': 'application/json', '.asc': 'application/pgp-keys', '.pgp': 'application/pgp-keys',
};

function typeFor(path: string, body: Buffer): string {
  const byExtension = TYPES[extname(path).toLowerCase()];
  if (byExtension) return byExtension;
  const head = body.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
  return head.startsWith('<') ? 'text/html; charset=utf-8' : 'text/plain; charset=utf-8';
}
