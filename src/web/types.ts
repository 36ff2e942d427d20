/** Why a page could not be had; each code maps to an `inconclusive` (or, for http, a `fail`) finding. */
export type WebErrorCode =
  | 'bad-url'            // not an absolute URL, or one with credentials in it
  | 'not-https'          // http:// (or a redirect to it): published policies must be served over https
  | 'blocked-address'    // resolves to a loopback/private/link-local address while such addresses are blocked
  | 'timeout'            // connect, headers, body or total deadline
  | 'tls'                // certificate not trusted, expired, for another name...
  | 'network'            // DNS failure, refused, reset...
  | 'too-large'          // body above the size cap
  | 'too-many-redirects'
  | 'redirect-policy'    // a redirect to an unrelated host
  | 'not-in-snapshot';   // offline mode: no saved copy of this URL

export interface WebError {
  readonly code: WebErrorCode;
  readonly message: string;
}

/** What fetching one URL gave, from the network or a saved snapshot. */
export interface WebResponse {
  /** The URL asked for. */
  readonly url: string;
  /** The URL the body came from, after redirects. */
  readonly finalUrl: string;
  /** Each redirect target in order (empty when none). */
  readonly redirects: readonly string[];
  readonly source: 'network' | 'snapshot';
  /** `verified`: fetched over https with a certificate that passed verification; `not-checked`: a saved copy. */
  readonly tls: 'verified' | 'not-checked';
  /** HTTP status of the final response; absent when there was none. */
  readonly status?: number;
  readonly contentType?: string;
  /** The body, at most the size cap; absent with an error. */
  readonly body?: Buffer;
  readonly error?: WebError;
}

export interface FetchRequestOptions {
  /** Body cap in bytes (default 1 MiB). */
  readonly maxBytes?: number;
  readonly signal?: AbortSignal;
}

/** Where pages come from: the network or a snapshot folder. */
export interface WebSource {
  readonly kind: 'network' | 'snapshot';
  get(url: string, options?: FetchRequestOptions): Promise<WebResponse>;
  close(): Promise<void>;
}

export const DEFAULT_MAX_BYTES = 1024 * 1024;
