import type { Command } from 'commander';
import { IotcopError } from '../model/index.js';
import { DEFAULT_DB } from '../registry/db/connect.js';
import { DEFAULT_DATA_DIR } from '../registry/runtime.js';
import type { Io } from './io.js';

export interface RegistryCliOptions {
  db?: string;
  dataDir?: string;
}

/** The --db and --data-dir options shared by serve, worker, db and admin. */
export function withRegistryOptions(command: Command): Command {
  return command
    .option('--db <url>', `database: a SQLite file (default ${DEFAULT_DB}) or postgres://user:pass@host/db (also from IOTCOP_DB)`)
    .option('--data-dir <dir>', `folder for uploads and rendered reports (default ${DEFAULT_DATA_DIR}, also IOTCOP_DATA_DIR)`);
}

export function dbUrl(opts: RegistryCliOptions, io: Io): string {
  return opts.db ?? io.env.IOTCOP_DB ?? DEFAULT_DB;
}

export function dataDir(opts: RegistryCliOptions, io: Io): string {
  return opts.dataDir ?? io.env.IOTCOP_DATA_DIR ?? DEFAULT_DATA_DIR;
}

export function parseCount(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new IotcopError('ERR_USAGE', `${name} ${value}: use a whole number from ${min} to ${max}`);
  return n;
}

/** Resolves when the process is asked to stop (SIGINT, SIGTERM), or when `signal` aborts (tests). */
export function untilStopped(signal?: AbortSignal): Promise<string> {
  return new Promise((resolve) => {
    const stop = (why: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(why);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    signal?.addEventListener('abort', () => stop('abort'), { once: true });
  });
}
