import { readFile } from 'node:fs/promises';
import type { LoadedManifest } from '../manifest/index.js';
import { IotcopError } from '../model/index.js';
import type { Report } from '../report/index.js';
import { VERSION } from './version.js';

/** Options of the commands that work from an assessment (generate statement, label). */
export interface AssessmentSourceOptions {
  report?: string;
  webSnapshot?: string;
  offline?: boolean;
  web?: boolean;
  now?: string;
}

/** The date given with --now (YYYY-MM-DD or ISO), or the current time. */
export function nowFrom(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(d.getTime())) throw new IotcopError('ERR_USAGE', `--now ${value}: not a date (use YYYY-MM-DD or an ISO timestamp)`);
  return d;
}

/**
 * The manifest and its assessment: read from --report, or run now (with the same web options as `assess`).
 * The manifest schema and the assessment engine load here, not at import: `label verify` shares this module
 * for `nowFrom` and needs neither.
 */
export async function assessmentFor(manifestPath: string, opts: AssessmentSourceOptions): Promise<{ manifest: LoadedManifest; report: Report }> {
  const { loadManifest } = await import('../manifest/index.js');
  const manifest = await loadManifest(manifestPath);
  if (opts.report) return { manifest, report: await readReport(opts.report) };
  const [{ assess }, { webOptionsFor }] = await Promise.all([import('../assess/engine.js'), import('./commands/assess.js')]);
  const report = await assess({ inputs: [manifestPath], version: VERSION, now: nowFrom(opts.now), web: webOptionsFor(opts) });
  return { manifest, report };
}

async function readReport(path: string): Promise<Report> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new IotcopError('ERR_INPUT_NOT_FOUND', `${path}: not a readable JSON report (${(error as Error).message})`, { cause: error });
  }
  const r = data as Partial<Report>;
  if (!r || typeof r !== 'object' || r.tool?.name !== 'iotcop' || !r.psti || !r.etsi || !Array.isArray(r.provisions)) {
    throw new IotcopError('ERR_USAGE', `${path}: not an iotcop report (made by \`iotcop assess --out report.json\`)`);
  }
  return r as Report;
}
