import { compactVerify, decodeProtectedHeader, type ProtectedHeaderParameters } from 'jose';
import type { LabelPublicKey } from './types.js';

/** Upper bound for a label or revocation JWS read from untrusted input (revocation lists can be long). */
export const MAX_JWS_LENGTH = 8 * 1024 * 1024;
const COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export type JwsOutcome =
  | { readonly ok: true; readonly kid: string; readonly header: ProtectedHeaderParameters; readonly json: unknown }
  | { readonly ok: false; readonly status: 'tampered' | 'unknown-key'; readonly reason: string; readonly kid?: string };

/**
 * Verifies a compact EdDSA JWS against the trusted key its header names and parses its JSON payload.
 * Every way of failing says why; nothing is trusted before the signature has verified.
 */
export async function verifyCompact(jws: string, keys: readonly LabelPublicKey[]): Promise<JwsOutcome> {
  const text = jws.trim();
  if (text.length > MAX_JWS_LENGTH || !COMPACT.test(text)) return { ok: false, status: 'tampered', reason: 'not a compact JWS (three base64url parts separated by dots)' };
  // Only canonical base64url: otherwise the spare bits of a last character could change without changing the bytes,
  // and a label that differs in any character from the one signed must not verify.
  if (text.split('.').some((part) => Buffer.from(part, 'base64url').toString('base64url') !== part)) {
    return { ok: false, status: 'tampered', reason: 'a part of the JWS is not canonical base64url' };
  }
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(text);
  } catch {
    return { ok: false, status: 'tampered', reason: 'the protected header is not valid base64url JSON' };
  }
  if (header.alg !== 'EdDSA') return { ok: false, status: 'tampered', reason: `the header names algorithm ${String(header.alg)}, not EdDSA` };
  if (typeof header.kid !== 'string') return { ok: false, status: 'tampered', reason: 'the header names no key id (kid)' };
  const kid = header.kid;
  const candidates = keys.filter((k) => k.kid === kid);
  if (candidates.length === 0) return { ok: false, status: 'unknown-key', kid, reason: `signed with key ${kid}, which is not among the ${keys.length} trusted key(s)` };
  let payload: Uint8Array | undefined;
  for (const candidate of candidates) {
    try {
      payload = (await compactVerify(text, candidate.key, { algorithms: ['EdDSA'] })).payload;
      break;
    } catch {
      // try the next key with this kid (a collision of ids is possible in principle)
    }
  }
  if (payload) {
    try {
      return { ok: true, kid, header, json: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload)) as unknown };
    } catch {
      return { ok: false, status: 'tampered', kid, reason: 'the signature is valid but the payload is not UTF-8 JSON' };
    }
  }
  return { ok: false, status: 'tampered', kid, reason: `the signature does not match the content for key ${kid}: the label was altered or is forged` };
}
