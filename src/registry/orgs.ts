import type { RegistryContext } from './context.js';
import { audit, type Actor } from './audit.js';
import type { Org, OrgKind } from './db/schema.js';
import { notFound, RegistryError } from './errors.js';
import { iso, newId } from './ids.js';

export interface OrgInput {
  readonly slug: string;
  readonly name: string;
  readonly kind: OrgKind;
  readonly address: string;
  readonly website?: string | null;
  readonly securityEmail?: string | null;
  /** Days within which the organisation promises to acknowledge a vulnerability report (EN 303 645 5.2-1). */
  readonly ackDays?: number;
  /** Days between status updates to the reporter until the report is resolved. */
  readonly updateDays?: number;
}

export const SLUG_PATTERN = '^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$';
const SLUG = new RegExp(SLUG_PATTERN);

/** The public view of an organisation (what pages and the API show). */
export interface OrgView {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly kind: OrgKind;
  readonly address: string;
  readonly website: string | null;
  readonly securityEmail: string | null;
  readonly ackDays: number;
  readonly updateDays: number;
  readonly createdAt: string;
}

export function orgView(o: Org): OrgView {
  return {
    id: o.id, slug: o.slug, name: o.name, kind: o.kind, address: o.address, website: o.website,
    securityEmail: o.security_email, ackDays: Number(o.ack_days), updateDays: Number(o.update_days), createdAt: o.created_at,
  };
}

export async function createOrg(ctx: RegistryContext, actor: Actor, input: OrgInput): Promise<OrgView> {
  if (!SLUG.test(input.slug)) throw new RegistryError('ERR_VALIDATION', `slug ${JSON.stringify(input.slug)}: use 1-48 lower-case letters, digits and inner hyphens`);
  const now = ctx.clock();
  const row: Org = {
    id: newId('org'), slug: input.slug, name: input.name, kind: input.kind, address: input.address,
    website: input.website ?? null, security_email: input.securityEmail ?? null,
    ack_days: input.ackDays ?? 5, update_days: input.updateDays ?? 30, created_at: iso(now),
  };
  await ctx.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('orgs').select('id').where('slug', '=', input.slug).executeTakeFirst();
    if (taken) throw new RegistryError('ERR_CONFLICT', `an organisation with slug ${input.slug} already exists`);
    await trx.insertInto('orgs').values(row).execute();
    await audit(trx, actor, now, { action: 'org.create', orgId: row.id, target: row.id, detail: { slug: row.slug, kind: row.kind } });
  });
  return orgView(row);
}

export type OrgPatch = Partial<Omit<OrgInput, 'slug' | 'kind'>>;

export async function updateOrg(ctx: RegistryContext, actor: Actor, orgId: string, patch: OrgPatch): Promise<OrgView> {
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const set: Partial<Org> = {};
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.address !== undefined) set.address = patch.address;
    if (patch.website !== undefined) set.website = patch.website;
    if (patch.securityEmail !== undefined) set.security_email = patch.securityEmail;
    if (patch.ackDays !== undefined) set.ack_days = patch.ackDays;
    if (patch.updateDays !== undefined) set.update_days = patch.updateDays;
    if (Object.keys(set).length > 0) await trx.updateTable('orgs').set(set).where('id', '=', orgId).execute();
    await audit(trx, actor, now, { action: 'org.update', orgId, target: orgId, detail: { fields: Object.keys(set).sort() } });
  });
  ctx.events.emit('org.changed', { orgId });
  return getOrgById(ctx, orgId);
}

export async function getOrgBySlug(ctx: RegistryContext, slug: string): Promise<OrgView> {
  const row = await ctx.db.selectFrom('orgs').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row) throw notFound(`organisation ${slug}`);
  return orgView(row);
}

export async function getOrgById(ctx: RegistryContext, id: string): Promise<OrgView> {
  const row = await ctx.db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('organisation');
  return orgView(row);
}

export async function listOrgs(ctx: RegistryContext): Promise<OrgView[]> {
  return (await ctx.db.selectFrom('orgs').selectAll().orderBy('slug').execute()).map(orgView);
}
