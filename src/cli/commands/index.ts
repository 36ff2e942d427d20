import type { CommandModule } from '../command.js';

/** A CLI command and how to load it: each command module is imported only when it is needed. */
export interface CommandEntry {
  readonly name: string;
  load(): Promise<CommandModule>;
}

/**
 * Every CLI command, in the order `iotcop --help` lists them. Loading is lazy because the modules behind
 * the commands differ a lot in weight (report renderers, PDF, OpenPGP, fonts): `iotcop unpack` should not
 * spend a second of start-up loading what only `iotcop label` uses.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'init', load: async () => (await import('./init.js')).initCommand },
  { name: 'assess', load: async () => (await import('./assess.js')).assessCommand },
  { name: 'catalogue', load: async () => (await import('./catalogue.js')).catalogueCommand },
  { name: 'identify', load: async () => (await import('./identify.js')).identifyCommand },
  { name: 'ls', load: async () => (await import('./ls.js')).lsCommand },
  { name: 'unpack', load: async () => (await import('./unpack.js')).unpackCommand },
  { name: 'sbom', load: async () => (await import('./sbom.js')).sbomCommand },
  { name: 'vulndb', load: async () => (await import('./vulndb.js')).vulndbCommand },
  { name: 'generate', load: async () => (await import('./generate.js')).generateCommand },
  { name: 'label', load: async () => (await import('./label.js')).labelCommand },
  { name: 'keys', load: async () => (await import('./keys.js')).keysCommand },
  { name: 'serve', load: async () => (await import('./serve.js')).serveCommand },
  { name: 'worker', load: async () => (await import('./worker.js')).workerCommand },
  { name: 'db', load: async () => (await import('./db.js')).dbCommand },
  { name: 'admin', load: async () => (await import('./admin.js')).adminCommand },
  { name: 'retail', load: async () => (await import('./retail.js')).retailCommand },
];

/**
 * The command modules an invocation needs: only the named command when argv names a known one (its own
 * options and help still work), none for `iotcop --version`, every command otherwise (top-level help,
 * `help <cmd>`, typos).
 */
export async function loadCommands(argv: readonly string[] = []): Promise<CommandModule[]> {
  const args = argv.slice(2);
  const first = args.find((a) => !a.startsWith('-'));
  if (first === undefined && (args.includes('-V') || args.includes('--version'))) return [];
  const only = COMMANDS.find((c) => c.name === first);
  return Promise.all((only ? [only] : COMMANDS).map((c) => c.load()));
}
