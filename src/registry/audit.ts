import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import { iso, newId } from './ids.js';

/** Who did something: a user, a machine token, the operator's CLI, or an anonymous member of the public. */
export interface Actor {
  /** `user:<id>`, `token:<id>`, `cli` or `public`. */
  readonly id: string;
}

export const CLI_ACTOR: Actor = { id: 'cli' };
export const PUBLIC_ACTOR: Actor = { id: 'public' };

export interface AuditEntry {
  readonly action: string;
  readonly orgId?: string | null;
  readonly target?: string | null;
  /** Never secrets: token values, passwords and report secrets stay out of the log. */
  readonly detail?: Record<string, unknown>;
}

/** Appends one line to the audit log, inside the caller's transaction so the write and its record commit together. */
export async function audit(db: Kysely<Database>, actor: Actor, at: Date, entry: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values({
    id: newId('aud'),
    at: iso(at),
    actor: actor.id,
    org_id: entry.orgId ?? null,
    action: entry.action,
    target: entry.target ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  }).execute();
}

export interface AuditRecord {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string | null;
  readonly detail: unknown;
}

export async function listAudit(db: Kysely<Database>, orgId: string, limit = 200): Promise<AuditRecord[]> {
  const rows = await db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId)
    .orderBy('at', 'desc').orderBy('id', 'desc').limit(Math.min(Math.max(limit, 1), 1000)).execute();
  return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, target: r.target, detail: r.detail ? JSON.parse(r.detail) as unknown : null }));
}
