import { createHash, randomBytes } from 'node:crypto';

/** A random identifier with a type prefix (`prd_3f9a...`): 80 bits, lower-case hex, safe in URLs and file names. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(10).toString('hex')}`;
}

/** A secret for a URL or a bearer token: 256 bits, base64url. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Secrets are stored only as their SHA-256: they carry 256 bits of entropy, so a slow hash adds nothing. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
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
