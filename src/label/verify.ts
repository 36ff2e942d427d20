import { verifyCompact } from './jws.js';
import { labelPayloadProblems } from './schema.js';
import type { LabelPayload, LabelPublicKey, LabelVerification, VerifyOptions } from './types.js';

const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

/**
 * Verifies a signed label: the signature against the trusted keys (`unknown-key`, `tampered`), the payload against
 * its schema (`tampered`), the revocation list (`revoked`, which outranks expiry), then the validity window
 * (`expired`). Only a `valid` result means the label's facts are vouched for today.
 */
export async function verifyLabel(jws: string, publicKeys: readonly LabelPublicKey[], options: VerifyOptions = {}): Promise<LabelVerification> {
  const outcome = await verifyCompact(jws, publicKeys);
  if (!outcome.ok) return { status: outcome.status, reason: outcome.reason, ...(outcome.kid ? { kid: outcome.kid } : {}) };
  const { kid, header } = outcome;
  if (header.typ !== undefined) return { status: 'tampered', kid, reason: `this JWS is a "${String(header.typ)}", not a label` };
  const problems = labelPayloadProblems(outcome.json);
  if (problems.length > 0) return { status: 'tampered', kid, reason: `signed, but not a label payload: ${problems.slice(0, 3).join('; ')}` };
  const payload = outcome.json as LabelPayload;
  const base = { kid, payload };

  const list = options.revocationList;
  const revokedKey = list?.keys.find((k) => k.kid === kid);
  if (revokedKey) return { ...base, status: 'revoked', reason: `the signing key ${kid} was revoked on ${iso(revokedKey.at)}: ${revokedKey.reason}` };
  const revokedLabel = list?.labels.find((l) => l.lid === payload.lid);
  if (revokedLabel) return { ...base, status: 'revoked', reason: `label ${payload.lid} was revoked on ${iso(revokedLabel.at)}: ${revokedLabel.reason}` };

  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const skew = options.clockSkewSeconds ?? 300;
  if (payload.exp <= payload.iat) return { ...base, status: 'tampered', reason: `it expires (${iso(payload.exp)}) before it was issued (${iso(payload.iat)})` };
  if (payload.iat > now + skew) return { ...base, status: 'tampered', reason: `it claims to be issued in the future (${iso(payload.iat)})` };
  if (now >= payload.exp) return { ...base, status: 'expired', reason: `it expired on ${iso(payload.exp)}; the facts it states are no longer vouched for` };
  const checked = list ? `, not revoked (list of ${iso(list.iat)})` : ', revocation not checked (no list given)';
  return { ...base, status: 'valid', reason: `signed by ${payload.iss} with key ${kid}, valid until ${iso(payload.exp)}${checked}` };
}
