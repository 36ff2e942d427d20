import type { RegistryContext } from '../context.js';
import { audit } from '../audit.js';
import type { OrgRole } from '../db/schema.js';
import { RegistryError } from '../errors.js';
import { addDays, hashSecret, iso, newSecret } from '../ids.js';
import { dummyHash, verifyPassword } from './passwords.js';
import type { Principal } from './principal.js';

export const SESSION_DAYS = 7;

export interface CreatedSession {
  /** The cookie value; only its hash is stored. */
  readonly token: string;
  /** Double-submit CSRF token: sent back in a readable cookie and expected in `x-csrf-token`. */
  readonly csrf: string;
  readonly expiresAt: Date;
}

/** Signs a user in. The same error and (roughly) the same time whether the e-mail or the password is wrong. */
export async function login(ctx: RegistryContext, email: string, password: string): Promise<CreatedSession> {
  const user = await ctx.db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', email.toLowerCase()).executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
  if (!user || !ok) throw new RegistryError('ERR_UNAUTHENTICATED', 'wrong e-mail address or password');
  const token = newSecret();
  const csrf = newSecret();
  const now = ctx.clock();
  const expiresAt = addDays(now, SESSION_DAYS);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('sessions').values({ id_hash: hashSecret(token), user_id: user.id, csrf, created_at: iso(now), expires_at: iso(expiresAt) }).execute();
    await audit(trx, { id: `user:${user.id}` }, now, { action: 'session.create', target: user.id });
  });
  return { token, csrf, expiresAt };
}

export async function logout(ctx: RegistryContext, token: string): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('id_hash', '=', hashSecret(token)).execute();
}

export async function principalForSession(ctx: RegistryContext, token: string): Promise<Principal | undefined> {
  if (token.length > 128) return undefined;
  const row = await ctx.db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id as userId', 'users.registry_admin as admin', 'sessions.csrf', 'sessions.expires_at'])
    .where('sessions.id_hash', '=', hashSecret(token)).executeTakeFirst();
  if (!row || Date.parse(row.expires_at) <= ctx.clock().getTime()) return undefined;
  return { ...(await principalForUser(ctx, row.userId, Number(row.admin) === 1)), csrf: row.csrf };
}

export async function principalForUser(ctx: RegistryContext, userId: string, registryAdmin: boolean): Promise<Principal> {
  const memberships = await ctx.db.selectFrom('memberships').select(['org_id', 'role']).where('user_id', '=', userId).execute();
  return {
    id: `user:${userId}`, kind: 'user', userId, registryAdmin,
    roles: new Map<string, OrgRole>(memberships.map((m) => [m.org_id, m.role])),
  };
}
