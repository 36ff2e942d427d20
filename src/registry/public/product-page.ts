import { join } from 'node:path';
import { type LabelPayload, type LabelStatus, type VerdictLetter } from '../../label/index.js';
import { loadManifest } from '../../manifest/index.js';
import type { RegistryContext } from '../context.js';
import { notFound } from '../errors.js';
import { labelStatus } from '../labels/status.js';
import { assessmentDir } from '../assessments/service.js';

/** Everything the page a label's QR code opens shows, as data (the HTML and JSON views render this). */
export interface ProductPageModel {
  readonly label: {
    readonly id: string;
    readonly status: LabelStatus;
    readonly reason: string;
    readonly issuedAt: string;
    readonly expiresAt: string;
    readonly revokedAt: string | null;
    readonly revocationReason: string | null;
  };
  readonly product: { readonly brand: string; readonly model: string; readonly type: string; readonly gtin: string | null };
  readonly manufacturer: { readonly name: string; readonly address: string; readonly website: string | null; readonly slug: string };
  readonly verdicts: readonly { readonly id: string; readonly question: string; readonly verdict: VerdictLetter; readonly words: string }[];
  readonly support: { readonly end: string | null; readonly ended: boolean };
  readonly updatesAutomatic: boolean | null;
  readonly reporting: { readonly formUrl: string; readonly email: string | null; readonly securityTxtUrl: string; readonly acknowledgeWithinDays: number };
  readonly deletion: { readonly onDevice: string | null; readonly fromServices: string | null; readonly instructionsUrl: string | null };
  readonly statement: { readonly url: string; readonly mediaType: string } | null;
  readonly signed: { readonly jws: string; readonly payload: LabelPayload; readonly kid: string; readonly keysUrl: string; readonly revocationsUrl: string };
  /** Internal: what the page depends on, for cache invalidation (not rendered). */
  readonly ids: { readonly productId: string; readonly orgId: string };
}

const QUESTIONS: readonly { id: string; question: string; words: Record<VerdictLetter, string> }[] = [
  { id: 'psti-1', question: 'No universal default passwords', words: { p: 'Yes: every device has its own password or you set one.', f: 'No: the assessment found a shared or default password.', i: 'Not confirmed by the assessment.', n: 'Does not apply: the product uses no passwords.' } },
  { id: 'psti-2', question: 'A way to report security problems', words: { p: 'Yes: the manufacturer publishes how to report them and answers.', f: 'No: there is no published way to report a security problem.', i: 'Not confirmed by the assessment.', n: 'Does not apply.' } },
  { id: 'psti-3', question: 'A stated period of security updates', words: { p: 'Yes: the manufacturer says how long it will provide security updates.', f: 'No: the support period is not stated.', i: 'Not confirmed by the assessment.', n: 'Does not apply.' } },
  { id: 'etsi', question: 'ETSI EN 303 645 (the European baseline for consumer IoT security)', words: { p: 'Meets every mandatory provision that was assessed.', f: 'Does not meet at least one mandatory provision.', i: 'Some mandatory provisions could not be confirmed.', n: 'Does not apply.' } },
];

export const STATEMENT_FILES: readonly { name: string; mediaType: string }[] = [
  { name: 'statement.pdf', mediaType: 'application/pdf' },
  { name: 'statement.html', mediaType: 'text/html; charset=utf-8' },
];

/** Builds the product page of a label from the registry's records; `now` decides expiry and the support warning. */
export async function productPage(ctx: RegistryContext, labelId: string): Promise<ProductPageModel> {
  const row = await ctx.db.selectFrom('labels')
    .innerJoin('products', 'products.id', 'labels.product_id')
    .innerJoin('orgs', 'orgs.id', 'labels.org_id')
    .innerJoin('assessments', 'assessments.id', 'labels.assessment_id')
    .select([
      'labels.id', 'labels.product_id', 'labels.org_id', 'labels.jws', 'labels.kid', 'labels.issued_at', 'labels.expires_at', 'labels.revoked_at', 'labels.revocation_reason',
      'products.brand', 'products.model', 'products.type', 'products.gtin', 'products.support_end', 'products.updates_automatic',
      'orgs.name as orgName', 'orgs.address', 'orgs.website', 'orgs.slug', 'orgs.security_email', 'orgs.ack_days',
      'assessments.id as assessmentId', 'assessments.upload_dir', 'assessments.manifest_name', 'assessments.artifacts',
    ])
    .where('labels.id', '=', labelId).executeTakeFirst();
  if (!row) throw notFound(`label ${labelId}`);
  const now = ctx.clock();
  const verification = await labelStatus(ctx, row.jws);
  const payload = verification.payload ?? (JSON.parse(Buffer.from(row.jws.split('.')[1] ?? '', 'base64url').toString('utf8') || 'null') as LabelPayload);
  const spe = payload.spe ?? row.support_end;
  const artifacts = row.artifacts ? JSON.parse(row.artifacts) as string[] : [];
  const statement = STATEMENT_FILES.find((s) => artifacts.includes(s.name));
  return {
    label: {
      id: row.id, status: verification.status, reason: verification.reason, issuedAt: row.issued_at, expiresAt: row.expires_at,
      revokedAt: row.revoked_at, revocationReason: row.revocation_reason,
    },
    product: { brand: row.brand, model: row.model, type: row.type, gtin: row.gtin },
    manufacturer: { name: payload.mfr, address: row.address, website: row.website, slug: row.slug },
    verdicts: QUESTIONS.map((q, i) => {
      const letter = (payload.vd[i] ?? 'i') as VerdictLetter;
      return { id: q.id, question: q.question, verdict: letter, words: q.words[letter] };
    }),
    support: { end: spe, ended: spe !== null && Date.parse(`${spe}T23:59:59.999Z`) < now.getTime() },
    updatesAutomatic: payload.au,
    reporting: {
      formUrl: `${ctx.publicUrl}/m/${row.slug}/report`, email: row.security_email,
      securityTxtUrl: `${ctx.publicUrl}/m/${row.slug}/security.txt`, acknowledgeWithinDays: Number(row.ack_days),
    },
    deletion: await deletionInstructions(join(row.upload_dir, row.manifest_name)),
    statement: statement ? { url: `${ctx.publicUrl}/p/${row.id}/statement`, mediaType: statement.mediaType } : null,
    signed: {
      jws: row.jws, payload, kid: row.kid, keysUrl: `${ctx.publicUrl}/.well-known/iotcop-label-keys.json`,
      revocationsUrl: `${ctx.publicUrl}/api/v1/revocations`,
    },
    ids: { productId: row.product_id, orgId: row.org_id },
  };
}

/** How to delete your data, as the manufacturer declared it in the assessed manifest (EN 303 645 5.11). */
async function deletionInstructions(manifestPath: string): Promise<ProductPageModel['deletion']> {
  try {
    const d = (await loadManifest(manifestPath)).data.personalData?.deletion;
    return { onDevice: d?.onDevice ?? null, fromServices: d?.fromServices ?? null, instructionsUrl: d?.instructionsUrl ?? null };
  } catch {
    return { onDevice: null, fromServices: null, instructionsUrl: null };
  }
}

/** Path of the statement of compliance of a label's assessment, if the job produced one. */
export async function statementFile(ctx: RegistryContext, labelId: string): Promise<{ path: string; mediaType: string; name: string }> {
  const row = await ctx.db.selectFrom('labels').innerJoin('assessments', 'assessments.id', 'labels.assessment_id')
    .select(['assessments.id', 'assessments.artifacts']).where('labels.id', '=', labelId).executeTakeFirst();
  const artifacts = row?.artifacts ? JSON.parse(row.artifacts) as string[] : [];
  const statement = STATEMENT_FILES.find((s) => artifacts.includes(s.name));
  if (!row || !statement) throw notFound('statement of compliance');
  return { path: join(assessmentDir(ctx, row.id), 'reports', statement.name), mediaType: statement.mediaType, name: statement.name };
}
