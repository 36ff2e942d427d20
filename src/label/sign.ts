import { CompactSign } from 'jose';
import { IotcopError } from '../model/index.js';
import { labelPayloadProblems } from './schema.js';
import type { LabelPayload, LabelSigningKey } from './types.js';

/** Payload keys in the documented order, so the same facts always give the same bytes (and, Ed25519 being deterministic, the same JWS). */
const ORDER: readonly (keyof LabelPayload)[] = ['v', 'lid', 'iss', 'iat', 'exp', 'mfr', 'prd', 'spe', 'vd', 'au'];

export function canonicalPayload(payload: LabelPayload): string {
  return JSON.stringify(Object.fromEntries(ORDER.map((k) => [k, payload[k]])));
}

/** Signs label facts as a compact JWS: protected header `{"alg":"EdDSA","kid":...}`, payload the canonical JSON. */
export async function signLabel(payload: LabelPayload, signingKey: LabelSigningKey): Promise<string> {
  const problems = labelPayloadProblems(payload);
  if (payload.exp <= payload.iat) problems.push('/exp: must be after iat');
  if (problems.length > 0) {
    throw new IotcopError('ERR_LABEL_INVALID', `the label payload does not follow schema/label-payload.schema.json: ${problems.join('; ')}`);
  }
  return new CompactSign(new TextEncoder().encode(canonicalPayload(payload)))
    .setProtectedHeader({ alg: 'EdDSA', kid: signingKey.kid })
    .sign(signingKey.key);
}
