import { signRevocationList, type RevocationList } from '../../label/index.js';
import type { RegistryContext } from '../context.js';
import { signingKey } from './keys.js';

/** Every revoked label of this registry, in the label format's revocation-list shape. */
export async function revocationList(ctx: RegistryContext): Promise<RevocationList> {
  const rows = await ctx.db.selectFrom('labels').select(['id', 'revoked_at', 'revocation_reason'])
    .where('revoked_at', 'is not', null).orderBy('id').execute();
  return {
    v: 1,
    iss: new URL(ctx.publicUrl).host.slice(0, 64),
    iat: Math.floor(ctx.clock().getTime() / 1000),
    labels: rows.map((r) => ({ lid: r.id, at: Math.floor(Date.parse(r.revoked_at!) / 1000), reason: r.revocation_reason ?? 'revoked' })),
    keys: [],
  };
}

/** The public revocation list, signed with the registry key so a copy can be checked offline. */
export async function signedRevocationList(ctx: RegistryContext): Promise<{ list: RevocationList; jws: string }> {
  const list = await revocationList(ctx);
  return { list, jws: await signRevocationList(list, await signingKey(ctx)) };
}
