import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assess } from '../../assess/engine.js';
import { loadManifest } from '../../manifest/index.js';
import { RENDERERS, type Report } from '../../report/index.js';
import { isIotcopError } from '../../model/index.js';
import type { RegistryContext } from '../context.js';
import { audit } from '../audit.js';
import type { Assessment } from '../db/schema.js';
import { iso, newId } from '../ids.js';
import { validGtin } from '../products.js';
import { assessmentDir, type AssessmentSummary } from './service.js';
import { extraArtifacts } from './artifacts.js';

const JOB_ACTOR = { id: 'job' };

/** Takes a queued assessment for this worker (by id, or the oldest); undefined when another worker got it first. */
export async function claimAssessment(ctx: RegistryContext, id?: string): Promise<Assessment | undefined> {
  const target = id ?? (await ctx.db.selectFrom('assessments').select('id').where('status', '=', 'queued').orderBy('created_at').limit(1).executeTakeFirst())?.id;
  if (!target) return undefined;
  // The status condition makes the claim atomic: of two workers racing for one row, one update matches.
  return ctx.db.updateTable('assessments')
    .set((eb) => ({ status: 'running', started_at: iso(ctx.clock()), attempts: eb('attempts', '+', 1) }))
    .where('id', '=', target).where('status', '=', 'queued')
    .returningAll().executeTakeFirst();
}

/** Runs a claimed assessment to the end: report stored and rendered, or the failure recorded. Never throws. */
export async function runAssessment(ctx: RegistryContext, row: Assessment): Promise<void> {
  try {
    const report = await assessUpload(ctx, row);
    const artifacts = await writeArtifacts(ctx, row, report);
    // Before the status turns done: whoever sees "done" (and issues a label) must see the declarations too.
    await recordDeclarations(ctx, row);
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('assessments').set({
        status: 'done', finished_at: iso(ctx.clock()), report: JSON.stringify(report), summary: JSON.stringify(summarise(report)),
        artifacts: JSON.stringify(artifacts), error: null,
      }).where('id', '=', row.id).execute();
      await audit(trx, JOB_ACTOR, ctx.clock(), { action: 'assessment.done', orgId: row.org_id, target: row.id, detail: { etsi: report.etsi.verdict, psti: report.psti.verdict } });
    });
  } catch (error) {
    const message = failureText(error, row.upload_dir);
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('assessments').set({ status: 'failed', finished_at: iso(ctx.clock()), error: message.slice(0, 2000) }).where('id', '=', row.id).execute();
      await audit(trx, JOB_ACTOR, ctx.clock(), { action: 'assessment.failed', orgId: row.org_id, target: row.id, detail: { error: message.slice(0, 500) } });
    });
  }
}

/** The reason a job failed, for the uploader: with the manifest's located problems, without server paths. */
function failureText(error: unknown, uploadDir: string): string {
  let text = error instanceof Error ? error.message : String(error);
  if (isIotcopError(error)) text += error.problems.map((p) => `\n${p.file}:${p.line}:${p.column}: ${p.message}`).join('');
  return text.split(`${uploadDir}/`).join('');
}

async function assessUpload(ctx: RegistryContext, row: Assessment): Promise<Report> {
  const product = await ctx.db.selectFrom('products').select(['model']).where('id', '=', row.product_id).executeTakeFirstOrThrow();
  const manifestPath = join(row.upload_dir, row.manifest_name);
  // untrusted: the manifest comes from a client, so every path it names must stay inside its upload folder.
  const report = await assess({ inputs: [manifestPath], untrusted: true, now: ctx.clock(), version: ctx.version, signal: AbortSignal.timeout(ctx.limits.jobSeconds * 1000) });
  if (report.product && report.product.model !== product.model) {
    throw new Error(`the manifest describes model ${report.product.model}, but this product is model ${product.model}`);
  }
  // Reports name their inputs by path; the server's folder layout is nobody's business, so paths become upload-relative.
  const json = JSON.stringify(report).split(`${row.upload_dir}/`).join('');
  return JSON.parse(json) as Report;
}

async function writeArtifacts(ctx: RegistryContext, row: Assessment, report: Report): Promise<string[]> {
  const dir = join(assessmentDir(ctx, row.id), 'reports');
  await mkdir(dir, { recursive: true });
  const names: string[] = [];
  for (const renderer of RENDERERS) {
    await writeFile(join(dir, renderer.fileName), renderer.render(report));
    names.push(renderer.fileName);
  }
  for (const extra of await extraArtifacts(report, row.upload_dir)) {
    await writeFile(join(dir, extra.fileName), extra.content);
    names.push(extra.fileName);
  }
  return names.sort();
}

export function summarise(report: Report): AssessmentSummary {
  return {
    etsi: report.etsi.verdict, psti: report.psti.verdict, priority: report.priority.verdict,
    psti2: report.psti.requirements.find((r) => r.paragraph === 2)?.verdict ?? 'inconclusive',
    provisions: { ...report.summary.provisions }, mandatory: { ...report.summary.mandatory }, findings: { ...report.summary.findings },
  };
}

/** The manifest's declarations (support period, automatic updates, firmware versions) become the product's record. */
async function recordDeclarations(ctx: RegistryContext, row: Assessment): Promise<void> {
  const loaded = await loadManifest(join(row.upload_dir, row.manifest_name));
  const m = loaded.data;
  const set: { support_end?: string; updates_automatic?: number; updated_at: string } = { updated_at: iso(ctx.clock()) };
  if (m.supportPeriod?.end) set.support_end = m.supportPeriod.end;
  if (m.updates?.automatic !== undefined) set.updates_automatic = m.updates.automatic ? 1 : 0;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('products').set(set).where('id', '=', row.product_id).execute();
    // Only a GTIN with a valid check digit: a mistyped one would make retailers' checks miss the product.
    if (m.product.gtin && validGtin(m.product.gtin)) await trx.updateTable('products').set({ gtin: m.product.gtin }).where('id', '=', row.product_id).where('gtin', 'is', null).execute();
    const known = new Set((await trx.selectFrom('firmware_versions').select('version').where('product_id', '=', row.product_id).execute()).map((f) => f.version));
    for (const fw of m.firmware ?? []) {
      if (known.has(fw.version)) continue;
      await trx.insertInto('firmware_versions').values({ id: newId('fw'), product_id: row.product_id, version: fw.version, released: fw.released ?? null, sha256: fw.sha256 ?? null, created_at: iso(ctx.clock()) }).execute();
    }
  });
  ctx.events.emit('product.changed', { productId: row.product_id });
}
