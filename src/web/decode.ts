import { TextDecoder } from 'node:util';
import type { WebResponse } from './types.js';

/** The charset parameter of a Content-Type, lower-cased ("utf-8" when absent). */
export function charsetOf(contentType: string | undefined): string {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return (match?.[1] ?? 'utf-8').toLowerCase();
}

/** The media type of a Content-Type without parameters, lower-cased. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The body as text in its declared charset (UTF-8 when unknown), with replacement characters for bad bytes. */
export function bodyText(response: WebResponse): string {
  if (!response.body) return '';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charsetOf(response.contentType));
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(response.body);
}
