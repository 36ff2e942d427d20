import type { RegistryContext } from '../context.js';
import { audit, PUBLIC_ACTOR } from '../audit.js';
import { notFound, RegistryError } from '../errors.js';
import { hashSecret, iso, newId } from '../ids.js';
import { listUpdates, type UpdateView } from './inbox.js';
import { deadlines, type Deadlines } from './states.js';

/** What the reporter sees at their secret status URL: the state, the promises, and the conversation. */
export interface ReporterView {
  readonly id: string;
  readonly organisation: string;
  readonly title: string;
  readonly status: string;
  readonly receivedAt: string;
  readonly deadlines: Deadlines;
  readonly updates: readonly UpdateView[];
}

async function bySecret(ctx: RegistryContext, secret: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(secret)) throw notFound('report');
  const row = await ctx.db.selectFrom('vdp_reports').innerJoin('orgs', 'orgs.id', 'vdp_reports.org_id')
    .selectAll('vdp_reports').select(['orgs.name as orgName'])
    .where('vdp_reports.status_secret_hash', '=', hashSecret(secret)).executeTakeFirst();
  if (!row) throw notFound('report');
  return row;
}

export async function reporterView(ctx: RegistryContext, secret: string): Promise<ReporterView> {
  const row = await bySecret(ctx, secret);
  return {
    id: row.id, organisation: row.orgName, title: row.title, status: row.status, receivedAt: row.received_at,
    deadlines: deadlines(row, ctx.clock()), updates: await listUpdates(ctx, row.id),
  };
}

/** The reporter adds information or answers a question, still without an account. */
export async function reporterMessage(ctx: RegistryContext, secret: string, message: string): Promise<ReporterView> {
  const row = await bySecret(ctx, secret);
  if (row.status === 'published') throw new RegistryError('ERR_STATE', 'this report is closed: the advisory is published');
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('vdp_updates').values({ id: newId('vdu'), report_id: row.id, at: iso(now), author: 'reporter', status: null, message }).execute();
    await audit(trx, PUBLIC_ACTOR, now, { action: 'vdp.reporter-message', orgId: row.org_id, target: row.id });
  });
  ctx.events.emit('vdp.event', { orgId: row.org_id, reportId: row.id, event: 'report.reporter_message', payload: { status: row.status, title: row.title } });
  return reporterView(ctx, secret);
}
