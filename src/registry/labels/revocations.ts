import { signRevocationList, type RevocationList } from '../../label/index.js';
import type { RegistryContext } from '../context.js';
import { signingKey } from './keys.js';

type Revoked = RevocationList['labels'];

// Every page view and retail check consults the list, so it is kept in memory: dropped at once when a label changes
// in this process, and after a few seconds at most when another process (a second server) revoked one.
const TTL_MS = 2000;
const cache = new WeakMap<RegistryContext, { labels: Promise<Revoked>; at: number }>();
const watched = new WeakSet<RegistryContext>();

function revokedLabels(ctx: RegistryContext): Promise<Revoked> {
  if (!watched.has(ctx)) {
    watched.add(ctx);
    ctx.events.on('label.changed', () => cache.delete(ctx));
  }
  const now = Date.now();
  const hit = cache.get(ctx);
  if (hit && now - hit.at < TTL_MS) return hit.labels;
  const labels = ctx.db.selectFrom('labels').select(['id', 'revoked_at', 'revocation_reason'])
    .where('revoked_at', 'is not', null).orderBy('id').execute()
    .then((rows) => rows.map((r) => ({ lid: r.id, at: Math.floor(Date.parse(r.revoked_at!) / 1000), reason: r.revocation_reason ?? 'revoked' })));
  labels.catch(() => cache.delete(ctx));
  cache.set(ctx, { labels, at: now });
  return labels;
}

/** Every revoked label of this registry, in the label format's revocation-list shape. */
export async function revocationList(ctx: RegistryContext): Promise<RevocationList> {
  return {
    v: 1,
    iss: new URL(ctx.publicUrl).host.slice(0, 64),
    iat: Math.floor(ctx.clock().getTime() / 1000),
    labels: await revokedLabels(ctx),
    keys: [],
  };
}

/** The public revocation list, signed with the registry key so a copy can be checked offline. */
export async function signedRevocationList(ctx: RegistryContext): Promise<{ list: RevocationList; jws: string }> {
  const list = await revocationList(ctx);
  return { list, jws: await signRevocationList(list, await signingKey(ctx)) };
}
