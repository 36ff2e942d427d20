import type { Command } from 'commander';
import { generateLabelKey, writeKeyFiles } from '../../label/index.js';
import type { CommandModule } from '../command.js';
import type { Io } from '../io.js';
import { SUMMARIES } from './summaries.js';

interface KeysOptions { outDir: string; name: string; force?: boolean; json?: boolean }

async function generate(opts: KeysOptions, io: Io): Promise<number> {
  const files = await writeKeyFiles(opts.outDir, opts.name, await generateLabelKey(), Boolean(opts.force));
  // Only paths and the key id are printed: key material never reaches the terminal or a log.
  if (opts.json) io.out(`${JSON.stringify(files, null, 2)}\n`);
  else io.out(`Label signing key ${files.kid}\n  private (0600, keep secret): ${files.privateKeyPath}\n  public (PEM):  ${files.publicKeyPath}\n  public (JWKS): ${files.jwksPath}\n`);
  return 0;
}

export const keysCommand: CommandModule = {
  register(program: Command, io: Io, setExit) {
    const keys = program.command('keys').description(SUMMARIES.keys);
    keys.command('generate')
      .description('create a new Ed25519 label signing key pair (private key written with mode 0600, never printed)')
      .option('--out-dir <dir>', 'folder for the key files', 'keys')
      .option('--name <name>', 'base name of the key files', 'label-signing')
      .option('--force', 'replace an existing private key of that name')
      .option('--json', 'print the key id and file paths as JSON')
      .addHelpText('after', `
Examples:
  $ iotcop keys generate                         keys/label-signing.key (0600), .pub.pem, .jwks.json
  $ iotcop keys generate --out-dir /secure --name brightwatt-2026

Publish the .jwks.json (or .pub.pem) so that anyone can verify your labels; keep the .key file secret.`)
      .action(async (opts: KeysOptions) => { setExit(await generate(opts, io)); });
  },
};
