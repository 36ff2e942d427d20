import { access } from 'node:fs/promises';
import type { Command } from 'commander';
import { manifestTemplate, parseManifest, type TemplateAnswers } from '../../manifest/index.js';
import { IotcopError } from '../../model/index.js';
import type { CommandModule } from '../command.js';
import type { Io } from '../io.js';
import { writeOutput } from '../output.js';
import { SUMMARIES } from './summaries.js';

interface InitOptions {
  out: string;
  force?: boolean;
  yes?: boolean;
  manufacturer?: string;
  address?: string;
  brand?: string;
  model?: string;
  type?: string;
  supportEnd?: string;
  contactEmail?: string;
  policyUrl?: string;
}

const QUESTIONS: readonly (readonly [keyof TemplateAnswers, string, string])[] = [
  ['manufacturer', 'Manufacturer (legal name)', 'Example Devices Ltd'],
  ['address', 'Manufacturer postal address', '1 Example Street, London, United Kingdom'],
  ['brand', 'Brand', 'Example'],
  ['model', 'Model designation as printed on the device', 'EX-100'],
  ['type', 'Product type', 'smart plug'],
  ['supportEnd', 'Last day of security updates (YYYY-MM-DD)', `${new Date().getUTCFullYear() + 5}-12-31`],
  ['contactEmail', 'Security contact e-mail', 'security@example.com'],
  ['policyUrl', 'Vulnerability disclosure policy URL', 'https://example.com/security'],
];

const FLAGS: Record<string, string> = {
  'manufacturer.name': '--manufacturer', 'manufacturer.address': '--address', 'product.brand': '--brand',
  'product.model': '--model', 'product.type': '--type', 'supportPeriod.end': '--support-end',
  'vulnerabilityDisclosure.contactEmail': '--contact-email', 'vulnerabilityDisclosure.policyUrl': '--policy-url',
};

/** The flag an answer came from, for messages about bad answers. */
function flagFor(message: string): string {
  const where = message.slice(0, message.indexOf(':'));
  return FLAGS[where] ?? where;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

async function runInit(opts: InitOptions, io: Io): Promise<number> {
  if (!opts.force && (await exists(opts.out))) {
    throw new IotcopError('ERR_USAGE', `${opts.out} already exists`, { hint: 'Use --force to overwrite it, or --out to write elsewhere.' });
  }
  const answers = {} as Record<keyof TemplateAnswers, string>;
  const ask = io.interactive && !opts.yes;
  for (const [key, question, fallback] of QUESTIONS) {
    answers[key] = opts[key] ?? (ask ? await io.prompt(question, fallback) : fallback);
  }
  const text = manifestTemplate(answers);
  try {
    parseManifest(text, opts.out, { dir: io.cwd });
  } catch (error) {
    if (!(error instanceof IotcopError)) throw error;
    const problems = error.problems.map((p) => p.message.replace(/^[^:]+: /, `${flagFor(p.message)}: `));
    throw new IotcopError('ERR_USAGE', `some answers are not valid: ${problems.join('; ')}`);
  }
  await writeOutput(opts.out, text);
  const placeholders = QUESTIONS.filter(([key, , fallback]) => answers[key] === fallback).map(([key]) => key);
  io.err(`wrote ${opts.out}${placeholders.length ? `; replace the example values of: ${placeholders.join(', ')}` : ''}\n`);
  io.err(`next: edit it, then run  iotcop assess ${opts.out}\n`);
  return 0;
}

export const initCommand: CommandModule = {
  register(program: Command, io: Io, setExit) {
    program.command('init')
      .description(SUMMARIES.init)
      .option('--out <file>', 'where to write it', 'iotcop.yaml')
      .option('--force', 'overwrite an existing file')
      .option('--yes', 'do not ask; use flags and example values')
      .option('--manufacturer <name>', 'manufacturer legal name')
      .option('--address <address>', 'manufacturer postal address')
      .option('--brand <brand>', 'brand')
      .option('--model <model>', 'model designation as printed on the device')
      .option('--type <type>', 'product type, e.g. "smart plug"')
      .option('--support-end <date>', 'defined support period end, YYYY-MM-DD')
      .option('--contact-email <email>', 'vulnerability disclosure contact')
      .option('--policy-url <url>', 'vulnerability disclosure policy URL')
      .addHelpText('after', `
Examples:
  $ iotcop init                                          asks for each value on a terminal
  $ iotcop init --yes --manufacturer "Acme Ltd" --model AC-1 --support-end 2031-06-30`)
      .action(async (opts: InitOptions) => {
        setExit(await runInit(opts, io));
      });
  },
};
