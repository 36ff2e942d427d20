import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { IotcopError } from '../model/index.js';
import type { RegistryDb } from './db/connect.js';

/**
 * Writes a consistent copy of the database to `out`: SQLite's `VACUUM INTO` (an online, transactional copy that
 * readers and writers keep using meanwhile), or `pg_dump --format=custom` for PostgreSQL (restore with pg_restore).
 * Uploaded files and rendered reports live in the data folder: back that up too.
 */
export async function backupDatabase(handle: RegistryDb, out: string): Promise<{ path: string; method: string }> {
  const path = resolve(out);
  if (existsSync(path)) throw new IotcopError('ERR_OUTPUT_WRITE', `${path} already exists; not overwriting a backup`);
  if (handle.sqlite) {
    try {
      handle.sqlite.prepare('VACUUM INTO ?').run(path);
    } catch (error) {
      throw new IotcopError('ERR_OUTPUT_WRITE', `cannot write the backup to ${path}: ${(error as Error).message}`, { cause: error });
    }
    return { path, method: 'sqlite VACUUM INTO' };
  }
  await new Promise<void>((done, fail) => {
    const child = spawn('pg_dump', ['--format=custom', '--no-owner', `--file=${path}`, `--dbname=${handle.location}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-2000); });
    child.on('error', (e) => fail(new IotcopError('ERR_DB', `cannot run pg_dump (install postgresql-client): ${e.message}`, { cause: e })));
    child.on('close', (code) => (code === 0 ? done() : fail(new IotcopError('ERR_DB', `pg_dump exited with ${code}: ${stderr.replaceAll(handle.location, handle.display).trim()}`))));
  });
  return { path, method: 'pg_dump --format=custom' };
}
