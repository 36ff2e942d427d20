import type { Command } from 'commander';
import { openDatabase } from '../../registry/db/connect.js';
import { migrateToLatest } from '../../registry/db/migrate.js';
import type { CommandModule } from '../command.js';
import type { Io } from '../io.js';
import { dbUrl, withRegistryOptions, type RegistryCliOptions } from '../registry-options.js';
import { SUMMARIES } from './summaries.js';

async function runMigrate(opts: RegistryCliOptions & { json?: boolean }, io: Io): Promise<number> {
  const handle = openDatabase(dbUrl(opts, io));
  try {
    const outcome = await migrateToLatest(handle);
    if (opts.json) io.out(`${JSON.stringify({ database: handle.display, ...outcome }, null, 2)}\n`);
    else io.out(`${handle.display}: ${outcome.applied.length ? `applied ${outcome.applied.join(', ')}` : 'already up to date'} (schema ${outcome.current ?? 'empty'})\n`);
    return 0;
  } finally {
    await handle.close();
  }
}

export const dbCommand: CommandModule = {
  register(program: Command, io: Io, setExit) {
    const db = program.command('db').description(SUMMARIES.db);
    withRegistryOptions(db.command('migrate').description('bring the registry database schema up to date (serve does this on start)'))
      .option('--json', 'print the outcome as JSON')
      .addHelpText('after', `
Examples:
  $ iotcop db migrate                                   ./iotcop.db
  $ iotcop db migrate --db postgres://iotcop:secret@localhost/iotcop`)
      .action(async (opts: RegistryCliOptions & { json?: boolean }) => { setExit(await runMigrate(opts, io)); });
  },
};
