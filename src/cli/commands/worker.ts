import type { Command } from 'commander';
import { redactUrl } from '../../registry/db/connect.js';
import type { CommandModule } from '../command.js';
import type { Io } from '../io.js';
import { dataDir, dbUrl, parseCount, untilStopped, withRegistryOptions, type RegistryCliOptions } from '../registry-options.js';
import { VERSION } from '../version.js';
import { SUMMARIES } from './summaries.js';

interface WorkerCliOptions extends RegistryCliOptions {
  concurrency: string;
  publicUrl?: string;
}

async function runWorker(opts: WorkerCliOptions, io: Io): Promise<number> {
  const db = dbUrl(opts, io);
  const { openRuntime } = await import('../../registry/runtime.js');
  const runtime = await openRuntime({
    db, dataDir: dataDir(opts, io), publicUrl: opts.publicUrl ?? io.env.IOTCOP_PUBLIC_URL ?? 'http://127.0.0.1:8080', version: VERSION,
    workers: parseCount(opts.concurrency, '--concurrency', 1, 64),
  });
  io.err(`iotcop worker running ${opts.concurrency} job(s) at once on ${redactUrl(db)}\n`);
  const why = await untilStopped();
  io.err(`${why}: finishing running jobs\n`);
  await runtime.close();
  return 0;
}

export const workerCommand: CommandModule = {
  register(program: Command, io: Io, setExit) {
    withRegistryOptions(program.command('worker')
      .description(SUMMARIES.worker))
      .option('--concurrency <n>', 'jobs at once in this process', '1')
      .option('--public-url <url>', 'the server\'s public URL (also IOTCOP_PUBLIC_URL)')
      .addHelpText('after', `
On PostgreSQL the jobs come from pg-boss; on SQLite workers poll the database file, so run them on the same machine
and with the same --data-dir as the server.

Examples:
  $ IOTCOP_DB=postgres://iotcop:secret@db/iotcop iotcop worker --concurrency 2
  $ iotcop worker --db ./iotcop.db --data-dir ./iotcop-data`)
      .action(async (opts: WorkerCliOptions) => { setExit(await runWorker(opts, io)); });
  },
};
