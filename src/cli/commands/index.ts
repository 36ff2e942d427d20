import { Help } from 'commander';
import type { CommandModule } from '../command.js';
import { SUMMARIES } from './summaries.js';

/** A CLI command and how to load it: each command module is imported only when it is needed. */
export interface CommandEntry {
  readonly name: keyof typeof SUMMARIES;
  /** How `iotcop --help` lists it (name, `[options]`, arguments): what commander shows for the loaded module. */
  readonly term: string;
  load(): Promise<CommandModule>;
}

/**
 * Every CLI command, in the order `iotcop --help` lists them. Loading is lazy because the modules behind
 * the commands differ a lot in weight (report renderers, PDF, OpenPGP, fonts): `iotcop unpack` should not
 * spend a second of start-up loading what only `iotcop label` uses.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'init', term: 'init [options]', load: async () => (await import('./init.js')).initCommand },
  { name: 'assess', term: 'assess [options] <inputs...>', load: async () => (await import('./assess.js')).assessCommand },
  { name: 'catalogue', term: 'catalogue [options]', load: async () => (await import('./catalogue.js')).catalogueCommand },
  { name: 'identify', term: 'identify [options] <image>', load: async () => (await import('./identify.js')).identifyCommand },
  { name: 'ls', term: 'ls [options] <image>', load: async () => (await import('./ls.js')).lsCommand },
  { name: 'unpack', term: 'unpack [options] <image>', load: async () => (await import('./unpack.js')).unpackCommand },
  { name: 'sbom', term: 'sbom [options] <image>', load: async () => (await import('./sbom.js')).sbomCommand },
  { name: 'vulndb', term: 'vulndb', load: async () => (await import('./vulndb.js')).vulndbCommand },
  { name: 'generate', term: 'generate', load: async () => (await import('./generate.js')).generateCommand },
  { name: 'label', term: 'label', load: async () => (await import('./label.js')).labelCommand },
  { name: 'keys', term: 'keys', load: async () => (await import('./keys.js')).keysCommand },
  { name: 'serve', term: 'serve [options]', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'worker', term: 'worker [options]', load: async () => (await import('./worker.js')).workerCommand },
  { name: 'db', term: 'db', load: async () => (await import('./db.js')).dbCommand },
  { name: 'admin', term: 'admin', load: async () => (await import('./admin.js')).adminCommand },
  { name: 'retail', term: 'retail', load: async () => (await import('./retail.js')).retailCommand },
];

/**
 * Every command as the top-level help lists it (name, term and summary), without loading any module; a
 * test checks that it reads exactly as the help built from the loaded modules.
 */
export const commandList: CommandModule = {
  register(program) {
    for (const c of COMMANDS) program.command(c.name).description(SUMMARIES[c.name]);
    const standard = new Help();
    program.configureHelp({ subcommandTerm: (cmd) => COMMANDS.find((c) => c.name === cmd.name())?.term ?? standard.subcommandTerm(cmd) });
  },
};

/**
 * The command modules an invocation needs: only the named command when argv names a known one (its own
 * options and help still work; `help <command>` too), none for `iotcop --version`, and the light command
 * list for the top-level help, usage errors and unknown commands.
 */
export async function loadCommands(argv: readonly string[] = []): Promise<CommandModule[]> {
  const args = argv.slice(2);
  let at = args.findIndex((a) => !a.startsWith('-'));
  if (at < 0) return args.includes('-V') || args.includes('--version') ? [] : [commandList];
  if (args[at] === 'help' && at + 1 < args.length) at += 1;
  const named = COMMANDS.find((c) => c.name === args[at]);
  // `iotcop --help label` is the top-level help: options before the command belong to the program.
  const topHelp = args.slice(0, at).some((a) => a === '-h' || a === '--help');
  return named && !topHelp ? [await named.load()] : [commandList];
}
