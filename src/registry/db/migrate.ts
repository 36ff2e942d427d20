import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import { IotcopError } from '../../model/index.js';
import type { RegistryDb } from './connect.js';
import * as m001 from './migrations/001-initial.js';

/** Every migration, in order. Names sort in the order they run; never rename or edit a released one. */
const MIGRATIONS: Record<string, Migration> = {
  '001-initial': m001,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(MIGRATIONS) };

export interface MigrationOutcome {
  readonly applied: readonly string[];
  readonly current: string | undefined;
}

/** Brings the schema up to date. Safe to run concurrently: Kysely takes a lock around the migration table. */
export async function migrateToLatest(handle: RegistryDb): Promise<MigrationOutcome> {
  const migrator = new Migrator({ db: handle.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'a migration';
    throw new IotcopError('ERR_DB', `${failed} failed on ${handle.display}: ${(error as Error).message}`, { cause: error });
  }
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  const all = await migrator.getMigrations();
  const executed = all.filter((m) => m.executedAt !== undefined).map((m) => m.name);
  return { applied, current: executed.at(-1) };
}
