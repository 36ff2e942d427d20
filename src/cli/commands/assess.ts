import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { assess } from '../../assess/engine.js';
import type { WebOptions } from '../../assess/providers/types.js';
import { existsSync } from 'node:fs';
import { atOrAbove, IotcopError } from '../../model/index.js';
import type { VulnDbSettings } from '../../vulndb/index.js';
import { DEFAULT_MAX_AGE_DAYS } from '../../vulndb/paths.js';
import { RENDERERS, rendererFor, type Report } from '../../report/index.js';
import type { CommandModule } from '../command.js';
import type { Io } from '../io.js';
import { writeOutput } from '../output.js';
import { createProgress } from '../progress.js';
import { renderSummary } from '../summary.js';
import { VERSION } from '../version.js';
import { parseDays } from './vulndb.js';
import { SUMMARIES } from './summaries.js';

interface AssessCliOptions {
  format?: string;
  out?: string;
  outDir?: string;
  failOn: 'fail' | 'inconclusive' | 'never';
  quiet?: boolean;
  json?: boolean;
  now?: string;
  webSnapshot?: string;
  offline?: boolean;
  web: boolean;
  vulndb?: string;
  maxAge?: number;
}

/** Published pages: saved copies with --web-snapshot, none with --offline/--no-web, else fetched live. */
export function webOptionsFor(opts: { webSnapshot?: string; offline?: boolean; web?: boolean }): WebOptions {
  if (opts.offline || opts.web === false) {
    if (opts.webSnapshot) throw new IotcopError('ERR_USAGE', '--web-snapshot reads saved pages; it cannot be combined with --offline/--no-web');
    return { mode: 'off' };
  }
  return opts.webSnapshot ? { mode: 'snapshot', dir: opts.webSnapshot } : { mode: 'online' };
}

const FORMAT_ALIASES: Record<string, string> = { ics: 'ics-csv', markdown: 'md' };

/** Exit code from the provision verdicts: 1 when any is at or above the --fail-on threshold. */
export function exitCodeFor(report: Report, failOn: AssessCliOptions['failOn']): number {
  if (failOn === 'never') return 0;
  return report.provisions.some((p) => atOrAbove(p.verdict, failOn)) ? 1 : 0;
}

/** `--now`: a date (YYYY-MM-DD, taken at noon UTC) or an ISO timestamp. */
export function parseNow(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  if (Number.isNaN(d.getTime())) throw new IotcopError('ERR_USAGE', `--now ${value}: not a date (use YYYY-MM-DD or an ISO timestamp)`);
  return d;
}

/** The database the known-vulnerabilities check reads: one named with --vulndb must exist (a typo is not "no data"). */
function vulndbOptions(opts: AssessCliOptions): VulnDbSettings | undefined {
  if (opts.vulndb !== undefined && !existsSync(opts.vulndb)) {
    throw new IotcopError('ERR_INPUT_NOT_FOUND', `--vulndb ${opts.vulndb}: no such file`, { hint: 'Create it with `iotcop vulndb import --db FILE <advisories>`.' });
  }
  if (opts.vulndb === undefined && opts.maxAge === undefined) return undefined;
  return { ...(opts.vulndb !== undefined ? { path: opts.vulndb } : {}), ...(opts.maxAge !== undefined ? { maxAgeDays: opts.maxAge } : {}) };
}

async function runAssess(inputs: string[], opts: AssessCliOptions, io: Io): Promise<number> {
  const format = opts.json ? 'json' : opts.format ? FORMAT_ALIASES[opts.format] ?? opts.format : undefined;
  const renderer = format ? rendererFor(format) : undefined;
  if (format && !renderer) {
    throw new IotcopError('ERR_USAGE', `--format ${opts.format ?? ''}: not a report format (choose from ${RENDERERS.map((r) => r.id).join(', ')}, ics)`);
  }
  const progress = createProgress(io, Boolean(opts.quiet || opts.json));
  const now = parseNow(opts.now);
  const vulndb = vulndbOptions(opts);
  let report: Report;
  try {
    report = await assess({ inputs, version: VERSION, web: webOptionsFor(opts), ...(now ? { now } : {}), ...(vulndb ? { vulndb } : {}), onProgress: (e) => progress.update(e.message) });
  } finally {
    progress.done();
  }
  const written: string[] = [];
  if (opts.outDir) {
    for (const r of RENDERERS) {
      const path = join(opts.outDir, r.fileName);
      await writeOutput(path, r.render(report));
      written.push(path);
    }
  }
  if (opts.out) {
    const r = renderer ?? rendererFor(opts.out.split('.').pop() ?? '') ?? rendererFor('json')!;
    await writeOutput(opts.out, r.render(report));
    written.push(opts.out);
  } else if (renderer) {
    io.out(renderer.render(report));
  }
  const stdoutTaken = Boolean(renderer && !opts.out);
  if (!opts.quiet && !opts.json) {
    const text = renderSummary(report, io) + (written.length ? `\nReports: ${written.join(', ')}\n` : '');
    (stdoutTaken ? io.err : io.out)(text);
  }
  return exitCodeFor(report, opts.failOn);
}

export const assessCommand: CommandModule = {
  register(program: Command, io: Io, setExit) {
    program.command('assess')
      .description(SUMMARIES.assess)
      .argument('<inputs...>', 'iotcop.yaml manifest, firmware image(s), or directories with an extracted root filesystem')
      .addOption(new Option('--format <format>', `report format: ${RENDERERS.map((r) => r.id).join(', ')}, ics (= ics-csv)`))
      .option('--out <file>', 'write the report to this file (format from --format, else from the extension)')
      .option('--out-dir <dir>', 'write every report format into this folder')
      .addOption(new Option('--fail-on <level>', 'exit 1 when a provision is at or above this verdict').choices(['fail', 'inconclusive', 'never']).default('fail'))
      .option('--now <date>', 'assess as of this date (YYYY-MM-DD), for reproducible reports')
      .option('--web-snapshot <dir>', 'read the published pages from saved copies in DIR (layout: DIR/<host>/<path>, as `wget -x` saves them) instead of fetching them')
      .option('--vulndb <path>', 'the vulnerability database for the known-vulnerabilities check (default: $IOTCOP_VULNDB, else ~/.cache/iotcop/vulndb.sqlite)')
      .option('--max-age <days>', `vulnerability data older than this many days makes a clean result inconclusive (default ${DEFAULT_MAX_AGE_DAYS})`, parseDays)
      .option('--offline', 'do not look at published pages at all (web checks are skipped with the reason)')
      .option('--no-web', 'same as --offline')
      .option('--quiet', 'no summary and no progress')
      .option('--json', 'print the JSON report on stdout (errors as JSON too)')
      .addHelpText('after', `
Examples:
  $ iotcop assess iotcop.yaml                          summary table; exit 1 if a provision fails
  $ iotcop assess iotcop.yaml --out-dir out            report.json, report.html, report.sarif, report.md, ics.csv, ics.md
  $ iotcop assess iotcop.yaml --format sarif --out iotcop.sarif --fail-on never
  $ iotcop assess iotcop.yaml --json | jq '.psti'
  $ iotcop assess iotcop.yaml --web-snapshot site/     published pages from saved copies (no network)
  $ iotcop assess iotcop.yaml --offline                skip the published-page checks
  $ iotcop assess fw.bin --vulndb fw.sqlite --max-age 7   known vulnerabilities from that database, at most a week old

Exit codes: 0 no provision at or above --fail-on, 1 some provision is, 2 usage or input error, 3 internal error.`)
      .action(async (inputs: string[], opts: AssessCliOptions) => {
        setExit(await runAssess(inputs, opts, io));
      });
  },
};
