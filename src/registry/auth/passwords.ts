import argon2 from 'argon2';
import { RegistryError } from '../errors.js';

// argon2id with OWASP's minimum recommended cost (19 MiB, 2 passes, 1 lane): slow for an attacker with the
// database, fast enough that a login does not tie up the server.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;

export async function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new RegistryError('ERR_VALIDATION', `a password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
  }
  return argon2.hash(password, OPTIONS);
}

/** Constant-time verification; a malformed stored hash is a mismatch, never a crash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so the answer takes as long either way. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= argon2.hash('not-a-real-password-for-timing', OPTIONS);
  return dummy;
}
