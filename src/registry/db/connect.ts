import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { IotcopError } from '../../model/index.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** An open registry database: the Kysely handle plus what backup and the job queue need to know. */
export interface RegistryDb {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  /** For SQLite: the absolute file path; for PostgreSQL: the connection URL. */
  readonly location: string;
  /** The location with any password removed, for logs and messages. */
  readonly display: string;
  /** The raw SQLite handle (online backup); undefined on PostgreSQL. */
  readonly sqlite?: SqliteDatabase.Database;
  close(): Promise<void>;
}

export const DEFAULT_DB = './iotcop.db';

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Removes the password from a connection URL. */
export function redactUrl(url: string): string {
  if (!isPostgresUrl(url)) return url;
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}

/** Opens SQLite (a file path, optionally `sqlite:` prefixed) or PostgreSQL (`postgres://...`). */
export function openDatabase(url: string = DEFAULT_DB, options: { poolSize?: number } = {}): RegistryDb {
  if (isPostgresUrl(url)) return openPostgres(url, options.poolSize ?? 10);
  return openSqlite(url.replace(/^sqlite:/i, ''));
}

function openSqlite(file: string): RegistryDb {
  const path = resolve(file);
  let sqlite: SqliteDatabase.Database;
  try {
    mkdirSync(dirname(path), { recursive: true });
    sqlite = new SqliteDatabase(path);
  } catch (error) {
    throw new IotcopError('ERR_DB', `cannot open the SQLite database ${path}: ${(error as Error).message}`, { cause: error });
  }
  // WAL lets readers (page views) run while a writer commits; a busy timeout lets `iotcop worker`
  // processes share the file with the server instead of failing on a momentary lock.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', location: path, display: path, sqlite, close: () => db.destroy() };
}

function openPostgres(url: string, poolSize: number): RegistryDb {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its connection emits 'error' on the pool; without a listener that kills the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location: url, display: redactUrl(url), close: () => db.destroy() };
}
