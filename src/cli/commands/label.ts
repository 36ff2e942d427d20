import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { generateLabel, loadPublicKeys, loadSigningKey, verifyLabelInput, verifyRevocationList } from '../../label/index.js';
import { IotcopError } from '../../model/index.js';
import { assessmentFor, nowFrom, type AssessmentSourceOptions } from '../assessment-input.js';
import type { CommandModule } from '../command.js';
import type { Io } from '../io.js';
import { writeOutput } from '../output.js';
import { SUMMARIES } from './summaries.js';

interface CreateCli extends AssessmentSourceOptions { key: string; registry: string; outDir: string; issuer?: string; expires?: string; labelId?: string; json?: boolean }
interface VerifyCli { keys: string[]; revocations?: string; now?: string; json?: boolean }

async function create(manifestPath: string, opts: CreateCli, io: Io): Promise<number> {
  const { key, loose } = await loadSigningKey(opts.key);
  if (loose) io.err(`warning: ${opts.key} can be read by other users; make it private (chmod 600)\n`);
  const { manifest, report } = await assessmentFor(manifestPath, opts);
  const now = nowFrom(opts.now);
  const expires = opts.expires ? nowFrom(opts.expires) : undefined;
  const label = await generateLabel(report, manifest.data, key, {
    registry: opts.registry, now, ...(expires ? { expires } : {}), ...(opts.issuer ? { issuer: opts.issuer } : {}), ...(opts.labelId ? { lid: opts.labelId } : {}),
  });
  const files = { svg: join(opts.outDir, 'label.svg'), png: join(opts.outDir, 'label.png'), pdf: join(opts.outDir, 'label.pdf'), jws: join(opts.outDir, 'label.jws') };
  await writeOutput(files.svg, label.svg);
  await writeOutput(files.png, label.png);
  await writeOutput(files.pdf, label.pdf);
  await writeOutput(files.jws, `${label.jws}\n`);
  if (opts.json) io.out(`${JSON.stringify({ files, url: label.url, kid: key.kid, payload: label.facts.payload, qr: { version: label.layout.qr.version, level: label.layout.qr.level } }, null, 2)}\n`);
  else io.out(`Label ${label.facts.payload.lid} signed with key ${key.kid}: ${Object.values(files).join(', ')}\nQR code: ${label.url.split('?')[0]!} (version ${label.layout.qr.version}-${label.layout.qr.level})\n`);
  return 0;
}

async function verify(input: string, opts: VerifyCli, io: Io): Promise<number> {
  if (!opts.keys?.length) throw new IotcopError('ERR_USAGE', 'give the trusted public key(s) with --keys <file...> (PEM, JWK or JWK set)');
  const keys = await loadPublicKeys(opts.keys);
  const revocationList = opts.revocations ? await verifyRevocationList(await readFile(opts.revocations, 'utf8'), keys) : undefined;
  const data = /^https?:\/\//.test(input) || /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(input) ? input : await readFile(input).catch((e: unknown) => {
    throw new IotcopError('ERR_INPUT_NOT_FOUND', `${input}: no such file (give a PNG, SVG or JWS file, a label URL, or a JWS)`, { cause: e });
  });
  const result = await verifyLabelInput(data, keys, { now: nowFrom(opts.now), ...(revocationList ? { revocationList } : {}) });
  if (opts.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
  else {
    io.out(`${result.status}: ${result.reason} (read from the ${result.source})\n`);
    if (result.payload) io.out(`  ${result.payload.prd} by ${result.payload.mfr}; label ${result.payload.lid}; support until ${result.payload.spe ?? 'not declared'}; verdicts ${result.payload.vd}\n`);
  }
  return result.status === 'valid' ? 0 : 1;
}

export const labelCommand: CommandModule = {
  register(program: Command, io: Io, setExit) {
    const label = program.command('label').description(SUMMARIES.label);
    label.command('create', { isDefault: true })
      .description('sign the label facts and write label.svg, label.png, label.pdf and label.jws')
      .argument('<manifest>', 'iotcop.yaml')
      .requiredOption('--key <file>', 'Ed25519 private key (from `iotcop keys generate`)')
      .requiredOption('--registry <url>', 'base URL of the product registry the QR code points to (https)')
      .option('--out-dir <dir>', 'folder for the label files', '.')
      .option('--issuer <name>', 'who signs (default: the first manufacturer domain)')
      .option('--expires <date>', 'label expiry (default: the end of the support period)')
      .option('--label-id <id>', 'label id (default: derived from issuer, product, batch and date)')
      .option('--report <file>', 'use a saved assessment (report.json) instead of assessing now')
      .option('--web-snapshot <dir>', 'when assessing now: published pages from saved copies')
      .option('--offline', 'when assessing now: do not look at published pages')
      .option('--no-web', 'same as --offline')
      .option('--now <date>', 'issue date (YYYY-MM-DD)')
      .option('--json', 'print the files, URL and signed payload as JSON')
      .addHelpText('after', `
Examples:
  $ iotcop label iotcop.yaml --key keys/label-signing.key --registry https://registry.example --out-dir out
  $ iotcop label iotcop.yaml --report out/report.json --key k.key --registry https://registry.example --json`)
      .action(async (manifest: string, opts: CreateCli) => { setExit(await create(manifest, opts, io)); });
    label.command('verify')
      .description('check a label: valid, expired, revoked, tampered or signed by an unknown key, with the reason (exit 0 only when valid)')
      .argument('<label>', 'label.png, label.svg, label.jws, a label URL, or a compact JWS')
      .option('--keys <files...>', 'trusted public keys (PEM, JWK or JWK set)')
      .option('--revocations <file>', 'a signed revocation list (compact JWS)')
      .option('--now <date>', 'check as of this date')
      .option('--json', 'print the result as JSON')
      .addHelpText('after', `
Examples:
  $ iotcop label verify out/label.png --keys keys/label-signing.jwks.json
  $ iotcop label verify "https://registry.example/p/8RP987XTPR?s=eyJ..." --keys issuer.pub.pem --revocations revoked.jws`)
      .action(async (input: string, opts: VerifyCli) => { setExit(await verify(input, opts, io)); });
  },
};
