import { IotcopError } from '../model/index.js';
import { MAX_JWS_LENGTH } from './jws.js';

/**
 * The label URL scheme: `<registry>/p/<lid>?s=<jws>`.
 * - `<registry>`: the registry's base URL (https; http only for loopback), optionally with a path prefix;
 * - `/p/<lid>`: the label's registry page, which works on its own (the registry keeps the signed label);
 * - `s`: the compact JWS itself, so the label verifies offline and a registry can check the very label scanned.
 * base64url needs no percent-encoding in a query, so the URL stays as short as the JWS allows.
 */
export function labelUrl(registry: string, lid: string, jws: string): string {
  return `${registryBase(registry)}/p/${encodeURIComponent(lid)}?s=${jws}`;
}

/** The registry base without a trailing slash; rejects what a scanner should not be sent to. */
export function registryBase(registry: string): string {
  let url: URL;
  try {
    url = new URL(registry);
  } catch {
    throw new IotcopError('ERR_USAGE', `--registry ${registry}: not a URL`);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new IotcopError('ERR_USAGE', `--registry ${registry}: the registry must be served over https`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new IotcopError('ERR_USAGE', `--registry ${registry}: give the base URL only (no query, fragment or credentials)`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export interface ParsedLabelUrl {
  readonly registry: string;
  readonly lid: string;
  /** Absent when the URL is a bare registry page (the JWS is then fetched from the registry). */
  readonly jws?: string;
}

/** Splits a scanned label URL into registry, label id and JWS; undefined when it is not a label URL. */
export function parseLabelUrl(text: string): ParsedLabelUrl | undefined {
  if (text.length > MAX_JWS_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  const match = /^(.*)\/p\/([^/]+)$/.exec(url.pathname);
  if (!match || (url.protocol !== 'https:' && url.protocol !== 'http:')) return undefined;
  const lid = decodeURIComponent(match[2]!);
  const jws = url.searchParams.get('s') ?? undefined;
  return { registry: `${url.origin}${match[1]!}`, lid, ...(jws ? { jws } : {}) };
}
