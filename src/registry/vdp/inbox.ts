import type { RegistryContext } from '../context.js';
import { audit, type Actor } from '../audit.js';
import type { VdpReport, VdpStatus } from '../db/schema.js';
import { notFound, RegistryError } from '../errors.js';
import { addDays, iso, newId } from '../ids.js';
import { canMove, deadlines, isOpen, type Deadlines } from './states.js';

export interface ReportView {
  readonly id: string;
  readonly status: VdpStatus;
  readonly title: string;
  readonly description: string;
  readonly product: string | null;
  readonly productId: string | null;
  readonly contact: string | null;
  readonly receivedAt: string;
  readonly acknowledgedAt: string | null;
  readonly triagedAt: string | null;
  readonly fixedAt: string | null;
  readonly publishedAt: string | null;
  readonly lastUpdateAt: string;
  readonly deadlines: Deadlines;
  readonly advisory: { readonly severity: string | null; readonly cve: string | null; readonly cwe: string | null; readonly fixedIn: string | null; readonly remediation: string | null };
}

export function reportView(r: VdpReport, now: Date): ReportView {
  return {
    id: r.id, status: r.status, title: r.title, description: r.description, product: r.product_ref, productId: r.product_id,
    contact: r.reporter_contact, receivedAt: r.received_at, acknowledgedAt: r.acknowledged_at, triagedAt: r.triaged_at,
    fixedAt: r.fixed_at, publishedAt: r.published_at, lastUpdateAt: r.last_update_at, deadlines: deadlines(r, now),
    advisory: { severity: r.severity, cve: r.cve, cwe: r.cwe, fixedIn: r.fixed_in, remediation: r.remediation },
  };
}

export async function listReports(ctx: RegistryContext, orgId: string, filter: { status?: VdpStatus; overdue?: boolean } = {}): Promise<ReportView[]> {
  let q = ctx.db.selectFrom('vdp_reports').selectAll().where('org_id', '=', orgId);
  if (filter.status) q = q.where('status', '=', filter.status);
  const now = ctx.clock();
  const rows = (await q.orderBy('received_at', 'desc').orderBy('id').limit(1000).execute()).map((r) => reportView(r, now));
  return filter.overdue ? rows.filter((r) => r.deadlines.acknowledgementOverdue || r.deadlines.updateOverdue) : rows;
}

export async function getReportRow(ctx: RegistryContext, orgId: string, id: string): Promise<VdpReport> {
  const row = await ctx.db.selectFrom('vdp_reports').selectAll().where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
  if (!row) throw notFound('report');
  return row;
}

export async function getReport(ctx: RegistryContext, orgId: string, id: string): Promise<ReportView & { updates: readonly UpdateView[] }> {
  const row = await getReportRow(ctx, orgId, id);
  return { ...reportView(row, ctx.clock()), updates: await listUpdates(ctx, id) };
}

export interface UpdateView {
  readonly at: string;
  readonly author: 'manufacturer' | 'reporter';
  readonly status: VdpStatus | null;
  readonly message: string;
}

export async function listUpdates(ctx: RegistryContext, reportId: string): Promise<UpdateView[]> {
  const rows = await ctx.db.selectFrom('vdp_updates').select(['at', 'author', 'status', 'message', 'id']).where('report_id', '=', reportId).orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({ at: r.at, author: r.author, status: r.status, message: r.message }));
}

const STAMP: Partial<Record<VdpStatus, 'acknowledged_at' | 'triaged_at' | 'fixed_at' | 'published_at'>> = {
  acknowledged: 'acknowledged_at', triaged: 'triaged_at', fixed: 'fixed_at', published: 'published_at',
};

/**
 * Moves a report forward (acknowledge, triage, fix, publish) with a message the reporter sees, or sends a
 * message without a move. Either way the reporter has had an update, so the next one is due a period later.
 */
export async function updateReport(ctx: RegistryContext, actor: Actor, orgId: string, id: string, input: { status?: VdpStatus; message: string }): Promise<ReportView> {
  const now = ctx.clock();
  const org = await ctx.db.selectFrom('orgs').select(['update_days']).where('id', '=', orgId).executeTakeFirstOrThrow();
  let after: VdpReport | undefined;
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('vdp_reports').selectAll().where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
    if (!row) throw notFound('report');
    if (input.status && !canMove(row.status, input.status)) throw new RegistryError('ERR_STATE', `a ${row.status} report cannot become ${input.status}: reports only move forward`);
    const status = input.status ?? row.status;
    const set: Partial<VdpReport> = { status, last_update_at: iso(now), update_due_at: iso(addDays(now, Number(org.update_days))) };
    const stamp = input.status ? STAMP[input.status] : undefined;
    if (stamp) set[stamp] = iso(now);
    if (input.status && !row.acknowledged_at && input.status !== 'received') set.acknowledged_at = iso(now);
    await trx.updateTable('vdp_reports').set(set).where('id', '=', id).execute();
    await trx.insertInto('vdp_updates').values({ id: newId('vdu'), report_id: id, at: iso(now), author: 'manufacturer', status: input.status ?? null, message: input.message }).execute();
    await audit(trx, actor, now, { action: input.status ? 'vdp.status' : 'vdp.message', orgId, target: id, detail: input.status ? { from: row.status, to: input.status } : {} });
    after = { ...row, ...set };
  });
  const view = reportView(after!, now);
  ctx.events.emit('vdp.event', { orgId, reportId: id, event: input.status ? 'report.status_changed' : 'report.updated', payload: { status: view.status, title: view.title } });
  return view;
}

export interface AdvisoryInput {
  readonly severity?: 'low' | 'medium' | 'high' | 'critical' | null;
  readonly cve?: string | null;
  readonly cwe?: string | null;
  readonly fixedIn?: string | null;
  readonly remediation?: string | null;
}

/** Records what the advisory will say: severity, CVE and CWE ids, the fixed firmware version, the remediation. */
export async function setAdvisory(ctx: RegistryContext, actor: Actor, orgId: string, id: string, input: AdvisoryInput): Promise<ReportView> {
  await getReportRow(ctx, orgId, id);
  const set: Partial<VdpReport> = {};
  if (input.severity !== undefined) set.severity = input.severity;
  if (input.cve !== undefined) set.cve = input.cve;
  if (input.cwe !== undefined) set.cwe = input.cwe;
  if (input.fixedIn !== undefined) set.fixed_in = input.fixedIn;
  if (input.remediation !== undefined) set.remediation = input.remediation;
  await ctx.db.transaction().execute(async (trx) => {
    if (Object.keys(set).length > 0) await trx.updateTable('vdp_reports').set(set).where('id', '=', id).execute();
    await audit(trx, actor, ctx.clock(), { action: 'vdp.advisory', orgId, target: id, detail: { fields: Object.keys(set).sort() } });
  });
  return reportView(await getReportRow(ctx, orgId, id), ctx.clock());
}

export { isOpen };
