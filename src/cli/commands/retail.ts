import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { IotcopError } from '../../model/index.js';
import type { CommandModule } from '../command.js';
import type { Io } from '../io.js';
import { writeOutput } from '../output.js';
import { SUMMARIES } from './summaries.js';

interface RetailCliOptions {
  registry?: string;
  token?: string;
  format: 'csv' | 'json';
  out?: string;
  failOnProblems?: boolean;
}

const MAX_CSV_BYTES = 4 * 1024 * 1024;

async function runCheck(file: string, opts: RetailCliOptions, io: Io): Promise<number> {
  const registry = opts.registry ?? io.env.IOTCOP_REGISTRY;
  if (!registry) throw new IotcopError('ERR_USAGE', 'give --registry <url> (or IOTCOP_REGISTRY)');
  let base: URL;
  try {
    base = new URL(registry);
  } catch {
    throw new IotcopError('ERR_USAGE', `--registry ${registry}: not a URL`);
  }
  let csv: string;
  try {
    csv = file === '-' ? '' : await readFile(file, 'utf8');
  } catch (error) {
    throw new IotcopError('ERR_INPUT_NOT_FOUND', `${file}: cannot read it`, { cause: error });
  }
  if (Buffer.byteLength(csv) > MAX_CSV_BYTES) throw new IotcopError('ERR_USAGE', `${file} is larger than ${MAX_CSV_BYTES} bytes; split it`);
  const url = new URL(`${base.pathname.replace(/\/+$/, '')}/api/v1/retail/check?format=${opts.format}`, base);
  const token = opts.token ?? io.env.IOTCOP_TOKEN;
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body: csv, headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) }, signal: AbortSignal.timeout(120_000) });
  } catch (error) {
    throw new IotcopError('ERR_INPUT_NOT_FOUND', `cannot reach the registry at ${base.origin}: ${(error as Error).message}`, { cause: error });
  }
  const body = await res.text();
  if (!res.ok) {
    let message = body.slice(0, 500);
    try { message = (JSON.parse(body) as { error: { message: string } }).error.message; } catch { /* not JSON */ }
    throw new IotcopError('ERR_USAGE', `the registry refused the check (HTTP ${res.status}): ${message}`);
  }
  if (opts.out) await writeOutput(opts.out, body);
  else io.out(body);
  const problems = opts.format === 'json'
    ? (JSON.parse(body) as { checked: number; ok: number }).checked - (JSON.parse(body) as { ok: number }).ok
    : body.trim().split(/\r?\n/).slice(1).filter((l) => !/,true,[^,]*$/.test(l)).length;
  io.err(`${problems === 0 ? 'every product passes' : `${problems} product(s) with problems`}\n`);
  return opts.failOnProblems && problems > 0 ? 1 : 0;
}

export const retailCommand: CommandModule = {
  register(program: Command, io: Io, setExit) {
    const retail = program.command('retail').description(SUMMARIES.retail);
    retail.command('check')
      .description('for each product (model, GTIN or label id) in a CSV: statement of compliance, support period running, disclosure contact, valid label')
      .argument('<products.csv>', 'CSV with a column named identifier, gtin, model or label (or one unnamed column)')
      .option('--registry <url>', 'registry base URL (also IOTCOP_REGISTRY)')
      .option('--token <token>', 'API token; without one the check is rate limited (also IOTCOP_TOKEN)')
      .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
      .option('--out <file>', 'write the result here instead of stdout')
      .option('--fail-on-problems', 'exit 1 when any product does not pass')
      .addHelpText('after', `
Examples:
  $ iotcop retail check products.csv --registry https://registry.example
  $ iotcop retail check products.csv --registry https://registry.example --format json --out check.json
  $ printf 'model\\nSP-200\\n' > p.csv && iotcop retail check p.csv --registry http://127.0.0.1:8080 --fail-on-problems`)
      .action(async (file: string, opts: RetailCliOptions) => { setExit(await runCheck(file, opts, io)); });
  },
};
