import { verifyLabel, type LabelVerification } from '../../label/index.js';
import type { RegistryContext } from '../context.js';
import { trustedKeys } from './keys.js';
import { revocationList } from './revocations.js';

// Verifying a label (Ed25519 signature plus the payload schema) costs about a millisecond; retail checks and page
// renders ask about the same few labels over and over. A result is reused while the revocation list is the same
// one (the list object changes whenever a label is revoked) and for a few seconds at most, never past the label's
// expiry, so "valid" never outlives the moment it turns "expired" or "revoked".
const TTL_MS = 5000;
const MAX = 10_000;
const cache = new WeakMap<RegistryContext, Map<string, { result: LabelVerification; labels: unknown; at: number; until: number }>>();

/** verifyLabel against this registry's keys and revocation list, as of the context's clock. */
export async function labelStatus(ctx: RegistryContext, jws: string): Promise<LabelVerification> {
  const now = ctx.clock();
  const list = await revocationList(ctx);
  let entries = cache.get(ctx);
  if (!entries) {
    entries = new Map();
    cache.set(ctx, entries);
  }
  const hit = entries.get(jws);
  // An entry made "in the future" means the clock was set back: what it found may not hold now.
  if (hit && hit.labels === list.labels && hit.at <= now.getTime() && hit.until > now.getTime()) return hit.result;
  const result = await verifyLabel(jws, await trustedKeys(ctx), { now, revocationList: list });
  if (entries.size >= MAX) entries.clear();
  const exp = result.payload ? result.payload.exp * 1000 : Infinity;
  entries.set(jws, { result, labels: list.labels, at: now.getTime(), until: Math.min(now.getTime() + TTL_MS, exp) });
  return result;
}
