import type { RegistryContext } from './context.js';

// The in-memory caches (rendered pages, revocation list, label checks, retail answers, tokens) hear about this
// process's own writes through ctx.events. Writes by another process on the same SQLite file (the other
// `serve --processes` workers, `iotcop admin`, `iotcop worker`) do not pass through that bus; SQLite's
// `PRAGMA data_version` does see them: its value changes whenever another connection has committed. Checking it
// before a cached answer is used costs about a microsecond (a prepared statement, no I/O beyond the shared WAL
// index), so a label revoked through any process shows as revoked on the very next request, in every process.
// On PostgreSQL there is no such counter: see readme.md (caches are per process there, bounded by their TTL).

const watchers = new WeakMap<RegistryContext, () => void>();

/** Emits `external.changed` on ctx.events if another process wrote to the database since the last call. */
export function syncExternalChanges(ctx: RegistryContext): void {
  let check = watchers.get(ctx);
  if (!check) {
    check = watcher(ctx);
    watchers.set(ctx, check);
  }
  check();
}

function watcher(ctx: RegistryContext): () => void {
  const sqlite = ctx.handle.sqlite;
  if (!sqlite) return () => undefined;
  const version = sqlite.prepare('PRAGMA data_version').pluck();
  let last: unknown = version.get();
  return () => {
    if (!sqlite.open) return;
    const now = version.get();
    if (now === last) return;
    last = now;
    ctx.events.emit('external.changed');
  };
}
