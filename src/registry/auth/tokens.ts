import type { RegistryContext } from '../context.js';
import { audit, type Actor } from '../audit.js';
import type { OrgRole } from '../db/schema.js';
import { hashSecret, iso, newId, newSecret } from '../ids.js';
import type { Principal } from './principal.js';
import { RegistryError } from '../errors.js';

/** Tokens start with this, so a leaked one is recognisable by secret scanners. */
export const TOKEN_PREFIX = 'iotcop_';

export interface CreatedToken {
  readonly id: string;
  /** Shown once; only its hash is stored. */
  readonly token: string;
}

export async function createToken(ctx: RegistryContext, actor: Actor, input: { orgId: string | null; role: OrgRole | 'registry-admin'; name: string }): Promise<CreatedToken> {
  if ((input.orgId === null) !== (input.role === 'registry-admin')) {
    throw new RegistryError('ERR_VALIDATION', 'a registry-admin token has no organisation; every other token has one');
  }
  const id = newId('tok');
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('api_tokens').values({
      id, org_id: input.orgId, role: input.role, name: input.name, token_hash: hashSecret(token),
      created_by: actor.id, created_at: iso(now), last_used_at: null, revoked_at: null,
    }).execute();
    await audit(trx, actor, now, { action: 'token.create', orgId: input.orgId, target: id, detail: { role: input.role, name: input.name } });
  });
  return { id, token };
}

export async function revokeToken(ctx: RegistryContext, actor: Actor, orgId: string, tokenId: string): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const res = await trx.updateTable('api_tokens').set({ revoked_at: iso(now) })
      .where('id', '=', tokenId).where('org_id', '=', orgId).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new RegistryError('ERR_NOT_FOUND', 'token not found or already revoked');
    await audit(trx, actor, now, { action: 'token.revoke', orgId, target: tokenId });
  });
}

export async function listTokens(ctx: RegistryContext, orgId: string) {
  return ctx.db.selectFrom('api_tokens').select(['id', 'name', 'role', 'created_at', 'last_used_at', 'revoked_at'])
    .where('org_id', '=', orgId).orderBy('created_at').execute();
}

/** The principal behind a bearer token, or undefined for an unknown or revoked one. */
export async function principalForToken(ctx: RegistryContext, token: string): Promise<Principal | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 128) return undefined;
  const row = await ctx.db.selectFrom('api_tokens').select(['id', 'org_id', 'role', 'last_used_at'])
    .where('token_hash', '=', hashSecret(token)).where('revoked_at', 'is', null).executeTakeFirst();
  if (!row) return undefined;
  const now = ctx.clock();
  // Recording each use would turn every read into a write; once a minute is enough to see a token is alive.
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
    await ctx.db.updateTable('api_tokens').set({ last_used_at: iso(now) }).where('id', '=', row.id).execute();
  }
  const roles = new Map<string, OrgRole>();
  if (row.org_id && row.role !== 'registry-admin') roles.set(row.org_id, row.role);
  return { id: `token:${row.id}`, kind: 'token', registryAdmin: row.role === 'registry-admin', roles };
}
