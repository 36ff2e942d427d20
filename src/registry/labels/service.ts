import { labelIdFor, signLabel, type LabelPayload, type VerdictLetter } from '../../label/index.js';
import type { Report } from '../../report/index.js';
import type { Verdict } from '../../model/index.js';
import type { RegistryContext } from '../context.js';
import { audit, type Actor } from '../audit.js';
import type { Label } from '../db/schema.js';
import { notFound, RegistryError } from '../errors.js';
import { iso } from '../ids.js';
import { getAssessmentRow } from '../assessments/service.js';
import { signingKey } from './keys.js';

export interface LabelView {
  readonly id: string;
  readonly orgId: string;
  readonly productId: string;
  readonly assessmentId: string;
  readonly jws: string;
  readonly payload: LabelPayload;
  readonly url: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly revocationReason: string | null;
}

export function labelView(ctx: RegistryContext, l: Label): LabelView {
  return {
    id: l.id, orgId: l.org_id, productId: l.product_id, assessmentId: l.assessment_id, jws: l.jws,
    payload: JSON.parse(l.payload) as LabelPayload, url: `${ctx.publicUrl}/p/${l.id}`,
    issuedAt: l.issued_at, expiresAt: l.expires_at, revokedAt: l.revoked_at, revocationReason: l.revocation_reason,
  };
}

const LETTER: Record<Verdict, VerdictLetter> = { pass: 'p', fail: 'f', inconclusive: 'i', 'not-applicable': 'n' };

/** The four verdict letters: PSTI paragraphs 1, 2 and 3, then EN 303 645 as a whole. */
export function verdictLetters(report: Report): LabelPayload['vd'] {
  const para = (n: number): VerdictLetter => {
    const r = report.psti.requirements.find((p) => p.paragraph === n);
    return r ? LETTER[r.verdict] : 'i';
  };
  return `${para(1)}${para(2)}${para(3)}${LETTER[report.etsi.verdict]}`;
}

const DEFAULT_VALID_DAYS = 365;

function issuerName(ctx: RegistryContext): string {
  return new URL(ctx.publicUrl).host.slice(0, 64);
}

/**
 * Issues a signed label from a finished assessment. It is valid until the end of the declared support period
 * (or a year when none is declared), as the label format defines; a product whose support has ended gets none.
 */
export async function issueLabel(ctx: RegistryContext, actor: Actor, orgId: string, assessmentId: string): Promise<LabelView> {
  const row = await getAssessmentRow(ctx, orgId, assessmentId);
  if (row.status !== 'done' || !row.report) throw new RegistryError('ERR_STATE', `assessment ${assessmentId} is ${row.status}; a label needs a finished assessment`);
  const report = JSON.parse(row.report) as Report;
  const product = await ctx.db.selectFrom('products').selectAll().where('id', '=', row.product_id).executeTakeFirstOrThrow();
  const org = await ctx.db.selectFrom('orgs').select(['name']).where('id', '=', orgId).executeTakeFirstOrThrow();
  const now = ctx.clock();
  const iat = Math.floor(now.getTime() / 1000);
  const spe = report.product?.supportPeriodEnd ?? product.support_end ?? null;
  const exp = spe ? Math.floor(Date.parse(`${spe}T23:59:59Z`) / 1000) : iat + DEFAULT_VALID_DAYS * 86_400;
  if (exp <= iat) throw new RegistryError('ERR_STATE', `the support period ended on ${spe ?? '?'}: no label is issued for a product without security updates`);
  const iss = issuerName(ctx);
  const lid = labelIdFor([iss, product.id, assessmentId, iat]);
  const payload: LabelPayload = {
    v: 1, lid, iss, iat, exp,
    mfr: (report.product?.manufacturer.name ?? org.name).slice(0, 80),
    prd: `${product.brand} ${product.model}`.slice(0, 80),
    spe, vd: verdictLetters(report),
    au: product.updates_automatic === null ? null : Number(product.updates_automatic) === 1,
  };
  const key = await signingKey(ctx);
  const jws = await signLabel(payload, key);
  const label: Label = {
    id: lid, org_id: orgId, product_id: product.id, assessment_id: assessmentId, jws, payload: JSON.stringify(payload), kid: key.kid,
    issued_at: iso(new Date(iat * 1000)), expires_at: iso(new Date(exp * 1000)), revoked_at: null, revocation_reason: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('labels').select('id').where('id', '=', lid).executeTakeFirst();
    if (taken) throw new RegistryError('ERR_CONFLICT', `label ${lid} was already issued for this assessment in this second`);
    await trx.insertInto('labels').values(label).execute();
    await audit(trx, actor, now, { action: 'label.issue', orgId, target: lid, detail: { assessmentId, productId: product.id, vd: payload.vd, exp: label.expires_at } });
  });
  ctx.events.emit('label.changed', { labelId: lid });
  return labelView(ctx, label);
}

export async function revokeLabel(ctx: RegistryContext, actor: Actor, orgId: string, labelId: string, reason: string): Promise<LabelView> {
  const now = ctx.clock();
  await ctx.db.transaction().execute(async (trx) => {
    const label = await trx.selectFrom('labels').select(['id', 'revoked_at']).where('id', '=', labelId).where('org_id', '=', orgId).executeTakeFirst();
    if (!label) throw notFound(`label ${labelId}`);
    if (label.revoked_at) throw new RegistryError('ERR_STATE', `label ${labelId} was already revoked on ${label.revoked_at}`);
    await trx.updateTable('labels').set({ revoked_at: iso(now), revocation_reason: reason }).where('id', '=', labelId).execute();
    await audit(trx, actor, now, { action: 'label.revoke', orgId, target: labelId, detail: { reason } });
  });
  ctx.events.emit('label.changed', { labelId });
  return getLabel(ctx, orgId, labelId);
}

export async function getLabel(ctx: RegistryContext, orgId: string, labelId: string): Promise<LabelView> {
  const row = await ctx.db.selectFrom('labels').selectAll().where('id', '=', labelId).where('org_id', '=', orgId).executeTakeFirst();
  if (!row) throw notFound(`label ${labelId}`);
  return labelView(ctx, row);
}

export async function listLabels(ctx: RegistryContext, orgId: string): Promise<LabelView[]> {
  const rows = await ctx.db.selectFrom('labels').selectAll().where('org_id', '=', orgId).orderBy('issued_at', 'desc').limit(1000).execute();
  return rows.map((r) => labelView(ctx, r));
}
