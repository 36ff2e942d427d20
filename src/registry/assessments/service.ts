import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { RegistryContext } from '../context.js';
import { audit, type Actor } from '../audit.js';
import type { Assessment } from '../db/schema.js';
import { notFound } from '../errors.js';
import { iso, newId } from '../ids.js';
import { getProduct } from '../products.js';
import { storeUpload, type UploadPart } from './upload.js';

/** What the API shows of an assessment; the full report is fetched on its own. */
export interface AssessmentView {
  readonly id: string;
  readonly orgId: string;
  readonly productId: string;
  readonly status: Assessment['status'];
  readonly error: string | null;
  readonly manifestSha256: string;
  readonly uploadBytes: number;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly summary: AssessmentSummary | null;
  readonly artifacts: readonly string[];
}

export interface AssessmentSummary {
  readonly etsi: string;
  readonly psti: string;
  /** PSTI Schedule 1 para 2 (how to report security issues): what a retailer's check asks. */
  readonly psti2: string;
  readonly priority: string;
  readonly provisions: Record<string, number>;
  readonly mandatory: Record<string, number>;
  readonly findings: Record<string, number>;
}

export function assessmentView(a: Assessment): AssessmentView {
  return {
    id: a.id, orgId: a.org_id, productId: a.product_id, status: a.status, error: a.error, manifestSha256: a.manifest_sha256,
    uploadBytes: Number(a.upload_bytes), createdAt: a.created_at, startedAt: a.started_at, finishedAt: a.finished_at,
    summary: a.summary ? JSON.parse(a.summary) as AssessmentSummary : null,
    artifacts: a.artifacts ? JSON.parse(a.artifacts) as string[] : [],
  };
}

/** The folder of one assessment: `input/` holds the upload, `reports/` what the job wrote. */
export function assessmentDir(ctx: RegistryContext, id: string): string {
  return join(ctx.dataDir, 'assessments', id);
}

/** Stores an upload and queues its assessment. The job runs later; the caller polls the assessment. */
export async function createAssessment(ctx: RegistryContext, actor: Actor, orgId: string, productId: string, parts: AsyncIterable<UploadPart>): Promise<AssessmentView> {
  await getProduct(ctx, orgId, productId);
  const id = newId('asm');
  const inputDir = join(assessmentDir(ctx, id), 'input');
  let upload;
  try {
    upload = await storeUpload(inputDir, parts, ctx.limits);
  } catch (error) {
    await rm(assessmentDir(ctx, id), { recursive: true, force: true });
    throw error;
  }
  const row: Assessment = {
    id, org_id: orgId, product_id: productId, status: 'queued', error: null, upload_dir: inputDir, manifest_name: upload.manifest,
    manifest_sha256: upload.manifestSha256, upload_bytes: upload.bytes, created_by: actor.id, created_at: iso(ctx.clock()),
    started_at: null, finished_at: null, attempts: 0, report: null, summary: null, artifacts: null,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('assessments').values(row).execute();
      await audit(trx, actor, ctx.clock(), { action: 'assessment.create', orgId, target: id, detail: { productId, files: upload.files, bytes: upload.bytes } });
    });
  } catch (error) {
    await rm(assessmentDir(ctx, id), { recursive: true, force: true });
    throw error;
  }
  ctx.events.emit('assessment.queued', { assessmentId: id });
  return assessmentView(row);
}

export async function getAssessment(ctx: RegistryContext, orgId: string, id: string): Promise<AssessmentView> {
  return assessmentView(await getAssessmentRow(ctx, orgId, id));
}

export async function getAssessmentRow(ctx: RegistryContext, orgId: string, id: string): Promise<Assessment> {
  const row = await ctx.db.selectFrom('assessments').selectAll().where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
  if (!row) throw notFound('assessment');
  return row;
}

export async function listAssessments(ctx: RegistryContext, orgId: string, productId?: string): Promise<AssessmentView[]> {
  let q = ctx.db.selectFrom('assessments').selectAll().where('org_id', '=', orgId);
  if (productId) q = q.where('product_id', '=', productId);
  return (await q.orderBy('created_at', 'desc').limit(500).execute()).map(assessmentView);
}
