import { COMMON_PASSWORDS, COMMON_SOURCE } from './common.js';
import { MIRAI, MIRAI_SOURCE } from './mirai.js';
import { VENDOR_DEFAULTS } from './vendor.js';

// The shipped credential dataset: known botnet, vendor-default and most common passwords, each with its
// public source, and the candidate order used when verifying a stored hash for a given account.

export interface Candidate {
  readonly password: string;
  /** Where the password is known from (dataset sources, or "derived from the user name"). */
  readonly sources: readonly string[];
}

export { MIRAI, MIRAI_SOURCE } from './mirai.js';
export { VENDOR_DEFAULTS, type VendorDefault } from './vendor.js';
export { COMMON_PASSWORDS, COMMON_SOURCE } from './common.js';
export { normaliseMac, macCandidates, serialCandidates, derivationOf, isCounter, type Derivation } from './derived.js';

/** Every (user, password) pair of the dataset with its sources. */
export function knownPairs(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (user: string, password: string, source: string) => {
    const key = `${user}\u0000${password}`;
    const list = out.get(key) ?? [];
    if (!list.includes(source)) list.push(source);
    out.set(key, list);
  };
  for (const [user, password] of MIRAI) add(user, password, MIRAI_SOURCE);
  for (const v of VENDOR_DEFAULTS) add(v.user, v.password, v.source);
  return out;
}

/** Sources that list `password` (for any account), or an empty list. */
export function sourcesOfPassword(password: string): string[] {
  const sources = new Set<string>();
  for (const [, p] of MIRAI) if (p === password) sources.add(MIRAI_SOURCE);
  for (const v of VENDOR_DEFAULTS) if (v.password === password) sources.add(v.source);
  if (COMMON_PASSWORDS.includes(password)) sources.add(COMMON_SOURCE);
  return [...sources].sort();
}

/**
 * Passwords to try for `user`, most likely first: the dataset's pairs for that user, the empty password and
 * variations of the user name, then every Mirai and vendor password, then the common passwords.
 */
export function candidatesFor(user: string): Candidate[] {
  const order: string[] = [];
  const sources = new Map<string, Set<string>>();
  const push = (password: string, source: string) => {
    let set = sources.get(password);
    if (!set) {
      sources.set(password, (set = new Set()));
      order.push(password);
    }
    set.add(source);
  };
  const mirai = [...MIRAI].sort((a, b) => b[2] - a[2]);
  for (const [u, p] of mirai) if (u === user) push(p, MIRAI_SOURCE);
  for (const v of VENDOR_DEFAULTS) if (v.user === user) push(v.password, v.source);
  const derived = 'derived from the account name';
  for (const p of ['', user, `${user}123`, `${user}1234`, [...user].reverse().join('')]) push(p, p === '' ? 'empty password' : derived);
  for (const [, p] of mirai) push(p, MIRAI_SOURCE);
  for (const v of VENDOR_DEFAULTS) push(v.password, v.source);
  for (const p of COMMON_PASSWORDS) push(p, COMMON_SOURCE);
  return order.map((password) => ({ password, sources: [...sources.get(password)!].sort() }));
}
