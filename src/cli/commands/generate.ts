import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { IotcopError } from '../../model/index.js';
import { statementFacts, statementHtml, statementPdf } from '../../statement/index.js';
import { generateSecurityTxt } from '../../web/security-txt/index.js';
import { assessmentFor, nowFrom, type AssessmentSourceOptions } from '../assessment-input.js';
import type { CommandModule } from '../command.js';
import type { Io } from '../io.js';
import { writeOutput } from '../output.js';
import { SUMMARIES } from './summaries.js';

interface SecurityTxtCli { out?: string; pgpKey?: string; encryption?: string; languages: string; now?: string }
interface StatementCli extends AssessmentSourceOptions { signatory: string; function: string; place: string; date?: string; outDir: string; force?: boolean; json?: boolean }

async function securityTxt(manifestPath: string, opts: SecurityTxtCli, io: Io): Promise<number> {
  const { loadManifest } = await import('../../manifest/index.js');
  const manifest = await loadManifest(manifestPath);
  const signingKey = opts.pgpKey ? await readFile(opts.pgpKey, 'utf8').catch((e: unknown) => { throw new IotcopError('ERR_INPUT_NOT_FOUND', `${opts.pgpKey ?? ''}: cannot read the OpenPGP key`, { cause: e }); }) : undefined;
  const passphrase = io.env.IOTCOP_PGP_PASSPHRASE;
  const text = await generateSecurityTxt(manifest.data, {
    now: nowFrom(opts.now), languages: opts.languages.split(',').map((l) => l.trim()),
    ...(opts.encryption ? { encryption: opts.encryption } : {}), ...(signingKey ? { signingKey } : {}), ...(passphrase ? { passphrase } : {}),
  });
  if (opts.out) await writeOutput(opts.out, text);
  else io.out(text);
  return 0;
}

async function statement(manifestPath: string, opts: StatementCli, io: Io): Promise<number> {
  const { manifest, report } = await assessmentFor(manifestPath, opts);
  const date = opts.date ?? nowFrom(opts.now).toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new IotcopError('ERR_USAGE', `--date ${date}: use YYYY-MM-DD`);
  const facts = statementFacts(report, manifest.data, { name: opts.signatory, function: opts.function, place: opts.place, date }, Boolean(opts.force));
  const html = join(opts.outDir, 'statement.html');
  const pdf = join(opts.outDir, 'statement.pdf');
  await writeOutput(html, statementHtml(facts));
  await writeOutput(pdf, await statementPdf(facts));
  if (opts.json) io.out(`${JSON.stringify({ html, pdf, draft: facts.draft ?? null, requirements: facts.requirements }, null, 2)}\n`);
  else io.out(`${facts.draft ? 'DRAFT statement (the assessment does not support it)' : 'Statement of compliance'}: ${html}, ${pdf}\n`);
  return 0;
}

const assessmentOptions = (c: Command) => c
  .option('--report <file>', 'use a saved assessment (report.json from `iotcop assess`) instead of assessing now')
  .option('--web-snapshot <dir>', 'when assessing now: published pages from saved copies')
  .option('--offline', 'when assessing now: do not look at published pages')
  .option('--no-web', 'same as --offline')
  .option('--now <date>', 'assess and date as of this day (YYYY-MM-DD)');

export const generateCommand: CommandModule = {
  register(program: Command, io: Io, setExit) {
    const generate = program.command('generate').description(SUMMARIES.generate);
    generate.command('security-txt')
      .description('a security.txt (RFC 9116) from the manifest, optionally clear-signed with an OpenPGP key')
      .argument('<manifest>', 'iotcop.yaml')
      .option('--out <file>', 'write here instead of stdout')
      .option('--pgp-key <file>', 'armored OpenPGP private key to sign with (passphrase from $IOTCOP_PGP_PASSPHRASE)')
      .option('--encryption <url>', 'https URL of the public key for encrypted reports')
      .option('--languages <tags>', 'Preferred-Languages, comma separated', 'en')
      .option('--now <date>', 'Expires is counted from this day (YYYY-MM-DD)')
      .addHelpText('after', `
Examples:
  $ iotcop generate security-txt iotcop.yaml > .well-known/security.txt
  $ iotcop generate security-txt iotcop.yaml --pgp-key security.asc --encryption https://example.com/pgp-key.txt --out security.txt`)
      .action(async (manifest: string, opts: SecurityTxtCli) => { setExit(await securityTxt(manifest, opts, io)); });
    assessmentOptions(generate.command('statement')
      .description('the PSTI statement of compliance as HTML and PDF; refused (exit 2) when the assessment does not support it')
      .argument('<manifest>', 'iotcop.yaml')
      .requiredOption('--signatory <name>', 'name of the person signing for the manufacturer')
      .requiredOption('--function <role>', "the signatory's function, e.g. \"Head of Product Security\"")
      .requiredOption('--place <place>', 'place of issue')
      .option('--date <YYYY-MM-DD>', 'date of issue (default: --now, else today)')
      .option('--out-dir <dir>', 'folder for statement.html and statement.pdf', '.')
      .option('--force', 'write a statement marked DRAFT, with the reasons, when the assessment does not support it')
      .option('--json', 'print what was written as JSON'))
      .addHelpText('after', `
Examples:
  $ iotcop generate statement iotcop.yaml --signatory "A. Patel" --function "Head of Product Security" --place Leeds
  $ iotcop generate statement iotcop.yaml --report out/report.json --signatory ... --function ... --place ... --out-dir out`)
      .action(async (manifest: string, opts: StatementCli) => { setExit(await statement(manifest, opts, io)); });
  },
};
