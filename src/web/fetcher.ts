import { isIP } from 'node:net';
import { rootCertificates } from 'node:tls';
import { Agent, request } from 'undici';
import { isNonPublicAddress, publicOnlyLookup } from './address-policy.js';
import { classifyError } from './errors.js';
import { redirectAllowed, type RedirectPolicy } from './redirects.js';
import { DEFAULT_MAX_BYTES, type FetchRequestOptions, type WebError, type WebResponse, type WebSource } from './types.js';

export interface FetcherOptions {
  readonly connectTimeoutMs?: number;
  readonly headersTimeoutMs?: number;
  readonly bodyTimeoutMs?: number;
  /** Deadline for one URL, redirects included. */
  readonly totalTimeoutMs?: number;
  readonly maxRedirects?: number;
  readonly redirectPolicy?: RedirectPolicy;
  /** Refuse loopback, private and link-local addresses (assessing someone else's manifest). */
  readonly blockPrivateAddresses?: boolean;
  /** Extra trusted CA certificates (PEM), added to the system roots; for tests and private PKIs. */
  readonly ca?: string | readonly string[];
  readonly userAgent?: string;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches published pages over https only, with TLS verification always on, timeouts on every phase, a body cap,
 * a redirect limit and a cross-host redirect policy. It sends no cookies and no credentials and asks for
 * uncompressed bodies, so the cap is on the bytes that arrive.
 */
export class WebFetcher implements WebSource {
  readonly kind = 'network' as const;
  readonly #agent: Agent;
  readonly #options: FetcherOptions;

  constructor(options: FetcherOptions = {}) {
    this.#options = options;
    const ca = options.ca === undefined ? undefined : [...(typeof options.ca === 'string' ? [options.ca] : options.ca)];
    this.#agent = new Agent({
      connect: {
        timeout: options.connectTimeoutMs ?? 10_000,
        rejectUnauthorized: true,
        ...(ca ? { ca: [...rootCertificates, ...ca] } : {}),
        ...(options.blockPrivateAddresses ? { lookup: publicOnlyLookup } : {}),
      },
      headersTimeout: options.headersTimeoutMs ?? 15_000,
      bodyTimeout: options.bodyTimeoutMs ?? 15_000,
      connections: 4,
    });
  }

  async get(url: string, options: FetchRequestOptions = {}): Promise<WebResponse> {
    const deadline = AbortSignal.timeout(this.#options.totalTimeoutMs ?? 30_000);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    const redirects: string[] = [];
    let current = url;
    const fail = (error: WebError, extra: Partial<WebResponse> = {}): WebResponse =>
      ({ url, finalUrl: current, redirects, source: 'network', tls: 'verified', ...extra, error });
    for (;;) {
      const refusal = this.#refuse(current, url);
      if (refusal) return fail(refusal);
      let response;
      try {
        response = await request(current, {
          dispatcher: this.#agent,
          method: 'GET',
          signal,
          headers: { 'user-agent': this.#options.userAgent ?? 'iotcop (published security policy check)', accept: 'text/plain, text/html;q=0.9, */*;q=0.1', 'accept-encoding': 'identity' },
        });
      } catch (error) {
        return fail(classifyError(error, signal));
      }
      const status = response.statusCode;
      const location = header(response.headers.location);
      if (REDIRECT_STATUSES.has(status) && location) {
        await response.body.dump().catch(() => undefined);
        let next: string;
        try {
          next = new URL(location, current).href;
        } catch {
          return fail({ code: 'bad-url', message: `redirect to an invalid URL: ${location.slice(0, 200)}` }, { status });
        }
        redirects.push(next);
        if (redirects.length > (this.#options.maxRedirects ?? 5)) return fail({ code: 'too-many-redirects', message: `more than ${this.#options.maxRedirects ?? 5} redirects` }, { status });
        if (!redirectAllowed(current, next, this.#options.redirectPolicy ?? 'related-host')) {
          return fail({ code: 'redirect-policy', message: `redirects from ${new URL(current).host} to an unrelated host: ${next}` }, { status });
        }
        current = next;
        continue;
      }
      const contentType = header(response.headers['content-type']);
      const body = await readCapped(response.body, options.maxBytes ?? DEFAULT_MAX_BYTES, signal);
      const base = { url, finalUrl: current, redirects, source: 'network' as const, tls: 'verified' as const, status, ...(contentType ? { contentType } : {}) };
      return 'error' in body ? { ...base, error: body.error } : { ...base, body: body.data };
    }
  }

  #refuse(current: string, original: string): WebError | undefined {
    let parsed: URL;
    try {
      parsed = new URL(current);
    } catch {
      return { code: 'bad-url', message: `not an absolute URL: ${current.slice(0, 200)}` };
    }
    if (parsed.username || parsed.password) return { code: 'bad-url', message: 'URLs with credentials are never fetched' };
    if (parsed.protocol !== 'https:') {
      return { code: 'not-https', message: current === original ? `${parsed.protocol} is not https` : `redirected to ${parsed.protocol} (not https): ${current}` };
    }
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    if (this.#options.blockPrivateAddresses && isIP(host) && isNonPublicAddress(host)) {
      return { code: 'blocked-address', message: `${host} is a non-public address` };
    }
    return undefined;
  }

  async close(): Promise<void> {
    await this.#agent.close();
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }, maxBytes: number, signal: AbortSignal): Promise<{ data: Buffer } | { error: WebError }> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > maxBytes) {
        body.destroy();
        return { error: { code: 'too-large', message: `the body is larger than ${maxBytes} bytes` } };
      }
      chunks.push(chunk);
    }
  } catch (error) {
    return { error: classifyError(error, signal) };
  }
  return { data: Buffer.concat(chunks, size) };
}
