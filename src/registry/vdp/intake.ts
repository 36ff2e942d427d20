import type { RegistryContext } from '../context.js';
import { audit, PUBLIC_ACTOR } from '../audit.js';
import type { VdpReport } from '../db/schema.js';
import { addDays, hashSecret, iso, newId, newSecret } from '../ids.js';
import { getOrgBySlug } from '../orgs.js';

/** What anyone may send. No account and no personal data needed: `contact` is optional. */
export interface ReportInput {
  readonly title: string;
  readonly description: string;
  /** Model, GTIN or label id, as the reporter knows the product. */
  readonly product?: string;
  readonly contact?: string;
}

export interface ReportReceipt {
  readonly id: string;
  /** Secret URL where the reporter follows the report; shown once, stored only as a hash. */
  readonly statusUrl: string;
  readonly acknowledgeBy: string;
}

/** Files a vulnerability report in an organisation's inbox (EN 303 645 5.2-1, PSTI Schedule 1 para 2). */
export async function submitReport(ctx: RegistryContext, orgSlug: string, input: ReportInput): Promise<ReportReceipt> {
  const org = await getOrgBySlug(ctx, orgSlug);
  const now = ctx.clock();
  const secret = newSecret();
  const productId = input.product ? await matchProduct(ctx, org.id, input.product) : null;
  const row: VdpReport = {
    id: newId('vdp'), org_id: org.id, status: 'received', title: input.title.trim(), description: input.description,
    product_ref: input.product?.trim() || null, product_id: productId, reporter_contact: input.contact?.trim() || null,
    status_secret_hash: hashSecret(secret), received_at: iso(now), acknowledged_at: null, triaged_at: null, fixed_at: null,
    published_at: null, ack_due_at: iso(addDays(now, org.ackDays)), update_due_at: iso(addDays(now, org.updateDays)),
    last_update_at: iso(now), severity: null, cve: null, cwe: null, fixed_in: null, remediation: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('vdp_reports').values(row).execute();
    // The audit line records that a report arrived, never what it says or who sent it.
    await audit(trx, PUBLIC_ACTOR, now, { action: 'vdp.receive', orgId: org.id, target: row.id });
  });
  ctx.events.emit('vdp.event', { orgId: org.id, reportId: row.id, event: 'report.received', payload: { status: row.status, title: row.title, product: row.product_ref } });
  return { id: row.id, statusUrl: `${ctx.publicUrl}/r/${secret}`, acknowledgeBy: row.ack_due_at };
}

/** Links a report to a product of the organisation when the reporter named it by model, GTIN or label id. */
async function matchProduct(ctx: RegistryContext, orgId: string, ref: string): Promise<string | null> {
  const text = ref.trim();
  const byLabel = await ctx.db.selectFrom('labels').select('product_id').where('id', '=', text).where('org_id', '=', orgId).executeTakeFirst();
  if (byLabel) return byLabel.product_id;
  const byProduct = await ctx.db.selectFrom('products').select('id').where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('gtin', '=', text), eb(eb.fn('lower', ['model']), '=', text.toLowerCase())])).executeTakeFirst();
  return byProduct?.id ?? null;
}
