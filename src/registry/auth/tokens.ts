import { syncExternalChanges } from '../changes.js';
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
  ctx.events.emit('token.changed', { tokenId });
}

export async function listTokens(ctx: RegistryContext, orgId: string) {
  return ctx.db.selectFrom('api_tokens').select(['id', 'name', 'role', 'created_at', 'last_used_at', 'revoked_at'])
    .where('org_id', '=', orgId).orderBy('created_at').execute();
}

// Retailers' catalogue checks and CI jobs send the same token over and over. On SQLite a known token's principal is
// kept for a while: a revocation in this process drops the cache at once, one by another process is seen through
// data_version (changes.ts) on the next request. On PostgreSQL, with no such signal, every request asks the database.
const PRINCIPAL_TTL_MS = 30_000;
const principals = new WeakMap<RegistryContext, Map<string, { principal: Principal; until: number }>>();

function principalCache(ctx: RegistryContext): Map<string, { principal: Principal; until: number }> | undefined {
  if (ctx.handle.dialect !== 'sqlite') return undefined;
  let cache = principals.get(ctx);
  if (!cache) {
    const fresh = new Map<string, { principal: Principal; until: number }>();
    for (const event of ['token.changed', 'org.changed', 'external.changed'] as const) ctx.events.on(event, () => fresh.clear());
    principals.set(ctx, fresh);
    cache = fresh;
  }
  syncExternalChanges(ctx);
  return cache;
}

const wellFormed = (token: string): boolean => token.startsWith(TOKEN_PREFIX) && token.length <= 128;

/** The principal behind a bearer token, or undefined for an unknown or revoked one. */
export async function principalForToken(ctx: RegistryContext, token: string): Promise<Principal | undefined> {
  if (!wellFormed(token)) return undefined;
  const cache = principalCache(ctx);
  const hash = hashSecret(token);
  const now = ctx.clock().getTime();
  const hit = cache?.get(hash);
  if (hit && hit.until > now) return hit.principal;
  const principal = await lookupToken(ctx, hash);
  if (principal && cache) {
    if (cache.size >= 10_000) cache.clear();
    cache.set(hash, { principal, until: now + PRINCIPAL_TTL_MS });
  }
  return principal;
}

/**
 * principalForToken's answer when its cache has one (SQLite only), synchronously, without asking the database and
 * without checking for other processes' writes: call syncExternalChanges(ctx) just before. Undefined means "ask
 * principalForToken", not "unknown token".
 */
export function cachedPrincipal(ctx: RegistryContext, token: string): Principal | undefined {
  if (!wellFormed(token)) return undefined;
  const hit = principals.get(ctx)?.get(hashSecret(token));
  return hit && hit.until > ctx.clock().getTime() ? hit.principal : undefined;
}

async function lookupToken(ctx: RegistryContext, hash: string): Promise<Principal | undefined> {
  const row = await ctx.db.selectFrom('api_tokens').select(['id', 'org_id', 'role', 'last_used_at'])
    .where('token_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
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
