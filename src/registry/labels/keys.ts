import { generateLabelKey, parsePrivateKey, parsePublicKeys, publicJwk, type LabelPublicKey, type LabelSigningKey } from '../../label/index.js';
import type { RegistryContext } from '../context.js';
import { audit, CLI_ACTOR } from '../audit.js';
import { iso } from '../ids.js';

// The registry signs labels with its own Ed25519 key, created on first use and kept in the database (so a backup
// carries it and every server and worker process shares it). Retired keys stay as trusted public keys so the
// labels they signed keep verifying.

const signingCache = new WeakMap<RegistryContext, Promise<LabelSigningKey>>();
const publicCache = new WeakMap<RegistryContext, Promise<LabelPublicKey[]>>();

export function signingKey(ctx: RegistryContext): Promise<LabelSigningKey> {
  let cached = signingCache.get(ctx);
  if (!cached) {
    cached = loadOrCreate(ctx);
    cached.catch(() => signingCache.delete(ctx));
    signingCache.set(ctx, cached);
  }
  return cached;
}

async function loadOrCreate(ctx: RegistryContext): Promise<LabelSigningKey> {
  const existing = await ctx.db.selectFrom('signing_keys').select(['kid', 'private_pem']).where('retired_at', 'is', null).orderBy('created_at', 'desc').executeTakeFirst();
  if (existing) return parsePrivateKey(existing.private_pem, `registry key ${existing.kid}`);
  const key = await generateLabelKey();
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('signing_keys').values({
      kid: key.kid,
      public_pem: key.publicKey.export({ format: 'pem', type: 'spki' }) as string,
      private_pem: key.key.export({ format: 'pem', type: 'pkcs8' }) as string,
      created_at: iso(now), retired_at: null,
    }).execute();
    await audit(trx, CLI_ACTOR, now, { action: 'signing-key.create', target: key.kid });
  });
  publicCache.delete(ctx);
  // Two processes may race to create the first key; whichever committed first is not retired, so re-read.
  const first = await ctx.db.selectFrom('signing_keys').select(['kid', 'private_pem']).where('retired_at', 'is', null).orderBy('created_at').executeTakeFirstOrThrow();
  return parsePrivateKey(first.private_pem, `registry key ${first.kid}`);
}

/** Every key this registry ever signed with (active and retired): what verification trusts. */
export function trustedKeys(ctx: RegistryContext): Promise<LabelPublicKey[]> {
  let cached = publicCache.get(ctx);
  if (!cached) {
    cached = (async () => {
      const rows = await ctx.db.selectFrom('signing_keys').select(['kid', 'public_pem']).orderBy('kid').execute();
      return (await Promise.all(rows.map((r) => parsePublicKeys(r.public_pem, `registry key ${r.kid}`)))).flat();
    })();
    cached.catch(() => publicCache.delete(ctx));
    publicCache.set(ctx, cached);
  }
  return cached;
}

/** The public keys as a JWK set, for `/.well-known/iotcop-label-keys.json`. */
export async function publicJwks(ctx: RegistryContext): Promise<{ keys: Record<string, string>[] }> {
  await signingKey(ctx);
  const keys = await trustedKeys(ctx);
  return { keys: await Promise.all(keys.map((k) => publicJwk(k.key))) };
}
