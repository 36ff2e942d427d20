import { existsSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { IotcopError, isIotcopError } from '../../model/index.js';
import type { ImportSummary } from '../../vulndb/index.js';
import { ageInDays, DEFAULT_MAX_AGE_DAYS, defaultDbPath } from '../../vulndb/paths.js';
import type { CommandModule } from '../command.js';
import { palette, type Io } from '../io.js';
import { createProgress } from '../progress.js';
import { textTable } from '../table.js';
import { SUMMARIES } from './summaries.js';

interface VulnDbCliOptions {
  readonly db?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly maxAge?: number;
}

/** `--max-age`: whole days, 0 or more. */
export function parseDays(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError('expected a number of days (0 or more)');
  return n;
}

/** One input of an import run: what came in, or why nothing could be read. */
interface InputResult {
  readonly input: string;
  readonly files: number;
  readonly imported: number;
  readonly added: number;
  readonly updated: number;
  readonly skipped: number;
  readonly failed: number;
  readonly problems: readonly string[];
  readonly error?: { readonly code: string; readonly message: string };
}

function resultOf(input: string, s: ImportSummary): InputResult {
  return { input, files: s.files, imported: s.added + s.updated, added: s.added, updated: s.updated, skipped: s.unchanged, failed: s.refused, problems: s.problems };
}

const zero: ImportSummary = { files: 0, added: 0, updated: 0, unchanged: 0, refused: 0, problems: [] };

async function runImport(inputs: readonly string[], opts: VulnDbCliOptions, io: Io): Promise<number> {
  const path = opts.db ?? defaultDbPath(io.env);
  const { importAdvisories, VulnStore } = await import('../../vulndb/index.js');
  const store = VulnStore.open(path);
  const progress = createProgress(io, Boolean(opts.quiet || opts.json));
  const results: InputResult[] = [];
  try {
    for (const input of inputs) {
      // Each input is imported on its own: one that cannot be read is reported, the others still come in.
      try {
        const s = await importAdvisories(store, input, { onProgress: (x) => progress.update(`${input}: ${x.added + x.updated} imported, ${x.unchanged} skipped, ${x.refused} failed (${x.files} files)`) });
        results.push(resultOf(input, s));
      } catch (error) {
        if (!isIotcopError(error)) throw error;
        results.push({ ...resultOf(input, zero), error: { code: error.code, message: error.message } });
      }
    }
  } finally {
    progress.done();
  }
  const status = store.status();
  store.close();
  if (opts.json) {
    io.out(`${JSON.stringify({ database: path, inputs: results, advisories: status.advisories, ...(status.dataAsOf ? { dataAsOf: status.dataAsOf } : {}) }, null, 2)}\n`);
  } else {
    printImport(results, path, status.advisories, io);
  }
  return results.some((r) => r.error) ? 2 : 0;
}

function printImport(results: readonly InputResult[], path: string, total: number, io: Io): void {
  const p = palette(io);
  for (const r of results) {
    if (r.error) {
      io.err(`${p.red('error')} ${r.error.code}: ${r.error.message}\n`);
      continue;
    }
    const failed = r.failed ? p.red(`${r.failed} failed`) : '0 failed';
    io.out(`${r.input}: ${r.imported} imported (${r.added} new, ${r.updated} updated), ${r.skipped} skipped (already up to date), ${failed}; ${r.files} file(s)\n`);
    for (const why of r.problems) io.out(`  ${p.yellow('failed')} ${why}\n`);
    if (r.failed > r.problems.length) io.out(`  ... and ${r.failed - r.problems.length} more\n`);
  }
  io.out(`${path}: ${total} advisories\n`);
}

async function runStatus(opts: VulnDbCliOptions, io: Io): Promise<void> {
  const path = opts.db ?? defaultDbPath(io.env);
  if (!existsSync(path)) {
    throw new IotcopError('ERR_VULNDB', `no vulnerability database at ${path}`, { hint: 'Import OSV exports or NVD 2.0 feeds with `iotcop vulndb import <file-or-dir-or-zip>`.' });
  }
  const { VulnStore } = await import('../../vulndb/index.js');
  const store = VulnStore.open(path, { readonly: true });
  const status = store.status();
  store.close();
  const maxAge = opts.maxAge ?? DEFAULT_MAX_AGE_DAYS;
  const age = status.dataAsOf ? ageInDays(status.dataAsOf, new Date()) : undefined;
  const stale = age === undefined || age > maxAge;
  if (opts.json) {
    io.out(`${JSON.stringify({ database: path, ...status, ageDays: age ?? null, maxAgeDays: maxAge, stale }, null, 2)}\n`);
    return;
  }
  const p = palette(io);
  const fresh = age === undefined ? p.yellow('no dated data') : `data as of ${status.dataAsOf!.slice(0, 10)}, ${age} day(s) old (${stale ? p.yellow(`stale: older than --max-age ${maxAge}`) : p.green(`fresh: within --max-age ${maxAge}`)})`;
  io.out(`${p.bold(path)}\n${status.advisories} advisories (${status.withdrawn} withdrawn); ${fresh}\n`);
  io.out(`by source: ${status.sources.map((s) => `${s.source} ${s.advisories}`).join(', ') || 'none'}\n\n`);
  const width = io.isTTY ? io.columns : 200;
  if (status.ecosystems.length) io.out(`${textTable([{ header: 'Ecosystem', value: (e: (typeof status.ecosystems)[number]) => e.ecosystem }, { header: 'Advisories', value: (e) => String(e.advisories), right: true }], status.ecosystems, width)}\n`);
  if (status.imports.length) {
    io.out(textTable([
      { header: 'Imported', value: (i: (typeof status.imports)[number]) => i.importedAt.replace(/\.\d+Z$/, 'Z') },
      { header: 'New', value: (i) => String(i.added), right: true },
      { header: 'Updated', value: (i) => String(i.updated), right: true },
      { header: 'Skipped', value: (i) => String(i.unchanged), right: true },
      { header: 'Failed', value: (i) => String(i.refused), right: true },
      { header: 'Source', value: (i) => i.source, flexible: true },
    ], status.imports, width));
  }
}

/** `iotcop vulndb import|status`: the offline vulnerability database the known-vulnerabilities check reads. */
export const vulndbCommand: CommandModule = {
  register(program: Command, io: Io, setExit) {
    const vulndb = program.command('vulndb').description(SUMMARIES.vulndb);
    vulndb.command('import')
      .description('import advisories: OSV records, ecosystem all.zip exports, JSON arrays, NVD CVE JSON 2.0 feeds or API pages (plain, .gz or .zip, or folders of them)')
      .argument('<inputs...>', 'files, folders or zip archives of advisories')
      .option('--db <path>', 'the database file (default: $IOTCOP_VULNDB, else ~/.cache/iotcop/vulndb.sqlite)')
      .option('--json', 'what was imported, per input, as JSON')
      .option('-q, --quiet', 'no progress')
      .addHelpText('after', `
Examples:
  $ iotcop vulndb import Debian.zip Alpine.zip OpenWrt.zip   OSV exports (https://osv-vulnerabilities.storage.googleapis.com/<ecosystem>/all.zip)
  $ iotcop vulndb import nvdcve-2.0-2024.json.gz             an NVD JSON 2.0 yearly feed, converted to OSV ranges by CPE
  $ iotcop vulndb import advisories/ --db fw.sqlite           every .json, .json.gz and .zip under a folder

Records that cannot be read are counted as failed with the file and the reason; the rest is imported.
Exit codes: 0 imported, 2 an input could not be read at all (the other inputs are still imported).`)
      .action(async (inputs: string[], opts: VulnDbCliOptions) => { setExit(await runImport(inputs, opts, io)); });
    vulndb.command('status')
      .description('what the database holds: advisories per source and ecosystem, imports, how old the data is')
      .option('--db <path>', 'the database file (default: $IOTCOP_VULNDB, else ~/.cache/iotcop/vulndb.sqlite)')
      .option('--max-age <days>', `call the data stale when older than this (default ${DEFAULT_MAX_AGE_DAYS}, as assess)`, parseDays)
      .option('--json', 'the status as JSON')
      .addHelpText('after', `
Examples:
  $ iotcop vulndb status
  $ iotcop vulndb status --db fw.sqlite --json | jq .ageDays`)
      .action(async (opts: VulnDbCliOptions) => { await runStatus(opts, io); });
  },
};
