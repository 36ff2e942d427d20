// Evidence source for published pages: a fetcher (network) and a snapshot reader (offline), same interface.
export type { FetchRequestOptions, WebError, WebErrorCode, WebResponse, WebSource } from './types.js';
export { DEFAULT_MAX_BYTES } from './types.js';
export { WebFetcher, type FetcherOptions } from './fetcher.js';
export { SnapshotSource } from './snapshot.js';
export { redirectAllowed, type RedirectPolicy } from './redirects.js';
export { isNonPublicAddress } from './address-policy.js';
export { bodyText, charsetOf, mediaTypeOf } from './decode.js';
export { htmlToText, readableText } from './html-text.js';
export { findDates, findEmails, sentencesWith, spanInDays, type FoundDate } from './statements.js';
