import { CompactSign } from 'jose';
import { IotcopError } from '../model/index.js';
import { verifyCompact } from './jws.js';
import { revocationListProblems } from './schema.js';
import type { LabelPublicKey, LabelSigningKey, RevocationList } from './types.js';

/** The protected header's `typ` of a revocation list, so a list can never pass as a label or the reverse. */
export const REVOCATIONS_TYP = 'iotcop-revocations';

/** Signs a revocation list as a compact JWS (sorted by label id and key id, so equal lists give equal bytes). */
export async function signRevocationList(list: RevocationList, signingKey: LabelSigningKey): Promise<string> {
  const problems = revocationListProblems(list);
  if (problems.length > 0) throw new IotcopError('ERR_LABEL_INVALID', `the revocation list does not follow schema/label-revocations.schema.json: ${problems.join('; ')}`);
  const sorted: RevocationList = {
    v: 1, iss: list.iss, iat: list.iat,
    labels: [...list.labels].sort((a, b) => a.lid.localeCompare(b.lid)).map((l) => ({ lid: l.lid, at: l.at, reason: l.reason })),
    keys: [...list.keys].sort((a, b) => a.kid.localeCompare(b.kid)).map((k) => ({ kid: k.kid, at: k.at, reason: k.reason })),
  };
  return new CompactSign(new TextEncoder().encode(JSON.stringify(sorted)))
    .setProtectedHeader({ alg: 'EdDSA', kid: signingKey.kid, typ: REVOCATIONS_TYP })
    .sign(signingKey.key);
}

/**
 * Verifies a signed revocation list with the trusted keys and returns it; an unverifiable list is an error, since
 * acting on a forged one would hide revocations or invent them.
 */
export async function verifyRevocationList(jws: string, publicKeys: readonly LabelPublicKey[]): Promise<RevocationList> {
  const outcome = await verifyCompact(jws, publicKeys);
  if (!outcome.ok) throw new IotcopError('ERR_LABEL_INVALID', `the revocation list cannot be trusted: ${outcome.reason}`);
  if (outcome.header.typ !== REVOCATIONS_TYP) throw new IotcopError('ERR_LABEL_INVALID', `the revocation list's header has typ ${String(outcome.header.typ)}, not ${REVOCATIONS_TYP}`);
  const problems = revocationListProblems(outcome.json);
  if (problems.length > 0) throw new IotcopError('ERR_LABEL_INVALID', `the revocation list does not follow its schema: ${problems.slice(0, 3).join('; ')}`);
  return outcome.json as RevocationList;
}
