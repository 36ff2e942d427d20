import { homedir } from 'node:os';
import { join } from 'node:path';

/** Days after which a database counts as stale when the user does not say (`--max-age`). */
export const DEFAULT_MAX_AGE_DAYS = 30;

/**
 * Where the database lives: `--db`/`--vulndb`, else `$IOTCOP_VULNDB`, else `iotcop/vulndb.sqlite` in the user's
 * cache folder (`$XDG_CACHE_HOME`, or `~/.cache`).
 */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.IOTCOP_VULNDB) return env.IOTCOP_VULNDB;
  const cache = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'iotcop', 'vulndb.sqlite');
}

/** Whole days between the data's date and `now` (never negative). */
export function ageInDays(dataAsOf: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(dataAsOf)) / 86_400_000));
}
