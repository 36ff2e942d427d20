import { crackAll, type CrackJob, type CrackResult } from '../../analysis/crack/index.js';
import { candidatesFor, macCandidates, normaliseMac, serialCandidates, type Candidate } from '../../analysis/credentials/index.js';
import type { Credential, UnitIdentity } from './types.js';

// Builds one verification job per distinct stored hash (the same hash in two files is tried once), with the
// dataset's candidates for the account first and passwords derived from the unit's MAC and serial after.

export const MAC_SOURCE = 'derived from the unit\'s MAC address';
export const SERIAL_SOURCE = 'derived from the unit\'s serial number';

export function accountName(user: string): string {
  return user.replace(/\s*\(.*\)$/, '');
}

function withDerived(user: string, identity: UnitIdentity): Candidate[] {
  const base = candidatesFor(accountName(user));
  const derived: Candidate[] = [];
  for (const mac of identity.macs) {
    const m = normaliseMac(mac);
    if (m) for (const p of macCandidates(m)) derived.push({ password: p, sources: [MAC_SOURCE] });
  }
  for (const s of identity.serials) for (const p of serialCandidates(s)) derived.push({ password: p, sources: [SERIAL_SOURCE] });
  const known = new Set(base.map((c) => c.password));
  // Derived candidates are cheap to state and very likely when present: try them right after the account's pairs.
  return [...base.slice(0, 8), ...derived.filter((c) => !known.has(c.password)), ...base.slice(8)];
}

export function budgetMs(): number {
  const env = Number(process.env.IOTCOP_CRACK_BUDGET_MS);
  return Number.isFinite(env) && env > 0 ? env : 60_000;
}

/** Verifies every hashed credential; returns the result per raw hash string. */
export async function crackCredentials(items: readonly { cred: Credential; identity: UnitIdentity }[], signal: AbortSignal): Promise<Map<string, CrackResult>> {
  const jobs = new Map<string, CrackJob>();
  for (const { cred, identity } of items) {
    if (cred.secret.kind !== 'hash') continue;
    const id = `${accountName(cred.user)}\u0000${cred.secret.raw}`;
    if (!jobs.has(id)) jobs.set(id, { id, stored: cred.secret.stored, candidates: withDerived(cred.user, identity) });
  }
  const results = await crackAll([...jobs.values()], { budgetMs: budgetMs(), signal });
  return new Map(results.map((r) => [r.id, r]));
}
