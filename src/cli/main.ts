import { Command, CommanderError } from 'commander';
import { loadCommands } from './commands/index.js';
import { reportError } from './errors.js';
import { processIo, type Io } from './io.js';
import { VERSION } from './version.js';

/** Runs the CLI with the given argv (as process.argv) and resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command('iotcop')
    .description('Checks consumer IoT products against the UK Code of Practice, ETSI EN 303 645, PSTI and the EU CRA.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  program.addHelpText('after', `
Examples:
  $ iotcop init                                  write a commented iotcop.yaml
  $ iotcop assess iotcop.yaml                    verdict per provision, summary table
  $ iotcop assess iotcop.yaml --out-dir out      every report format into out/
  $ iotcop catalogue --standard psti             the PSTI requirements and their routes

Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 usage or input error, 3 internal error.`);
  for (const command of await loadCommands(argv)) command.register(program, io, (code) => { exitCode = Math.max(exitCode, code); });
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });

  const wantsJson = argv.includes('--json');
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0; // --help, --version
      return 2;
    }
    return reportError(error, io, wantsJson);
  }
}
