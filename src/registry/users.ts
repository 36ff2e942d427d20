import type { RegistryContext } from './context.js';
import { audit, type Actor } from './audit.js';
import { hashPassword } from './auth/passwords.js';
import type { OrgRole } from './db/schema.js';
import { RegistryError } from './errors.js';
import { iso, newId } from './ids.js';

export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly registryAdmin: boolean;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

export async function createUser(ctx: RegistryContext, actor: Actor, input: { email: string; name: string; password: string; registryAdmin?: boolean }): Promise<UserView> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw new RegistryError('ERR_VALIDATION', `${input.email}: not an e-mail address`);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock();
  const id = newId('usr');
  await ctx.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (taken) throw new RegistryError('ERR_CONFLICT', `a user with e-mail ${email} already exists`);
    await trx.insertInto('users').values({ id, email, name: input.name, password_hash: passwordHash, registry_admin: input.registryAdmin ? 1 : 0, created_at: iso(now) }).execute();
    await audit(trx, actor, now, { action: 'user.create', target: id, detail: { email, registryAdmin: Boolean(input.registryAdmin) } });
  });
  return { id, email, name: input.name, registryAdmin: Boolean(input.registryAdmin) };
}

/** Adds a user to an organisation with a role, or changes the role they have. */
export async function setMembership(ctx: RegistryContext, actor: Actor, orgId: string, email: string, role: OrgRole): Promise<void> {
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    if (!user) throw new RegistryError('ERR_NOT_FOUND', `no user with e-mail ${email}`);
    await trx.deleteFrom('memberships').where('user_id', '=', user.id).where('org_id', '=', orgId).execute();
    await trx.insertInto('memberships').values({ user_id: user.id, org_id: orgId, role }).execute();
    await audit(trx, actor, now, { action: 'membership.set', orgId, target: user.id, detail: { role } });
  });
}

export async function listMembers(ctx: RegistryContext, orgId: string) {
  return ctx.db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.name', 'memberships.role']).where('memberships.org_id', '=', orgId)
    .orderBy('users.email').execute();
}
