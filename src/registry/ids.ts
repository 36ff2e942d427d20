import { hash, randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * An identifier with a type prefix (`prd_0192f3a9b1c00a3f9e21b7`): 20 lower-case hex digits, safe in URLs and file
 * names. The first 14 are the creation time in ms and a per-millisecond counter, so ids created one after the other
 * sort in that order (updates of a report, audit lines); the last 6 (24 bits) are random so ids made in the same
 * millisecond by two processes still differ. Ids are not secrets: those come from newSecret.
 */
export function newId(prefix: string): string {
  const ms = Date.now();
  counter = ms === lastMs ? counter + 1 : 0;
  lastMs = ms;
  const time = ms.toString(16).padStart(11, '0').slice(-11) + (counter & 0xfff).toString(16).padStart(3, '0');
  return `${prefix}_${time}${randomBytes(3).toString('hex')}`;
}

/** A secret for a URL or a bearer token: 256 bits, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Secrets are stored only as their SHA-256: they carry 256 bits of entropy, so a slow hash adds nothing. One-shot
 * `hash` (no Hash object): every API request with a token hashes it.
 */
export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}

/** ISO-8601 UTC with milliseconds: sorts as text in both databases. */
export function iso(date: Date): string {
  return date.toISOString();
}

/** `YYYY-MM-DD` of a date, in UTC. */
export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
