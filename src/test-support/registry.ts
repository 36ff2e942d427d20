import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { createContext, type RegistryContext, type RegistryLimits } from '../registry/context.js';
import { openDatabase, type DialectName } from '../registry/db/connect.js';
import { migrateToLatest } from '../registry/db/migrate.js';
import { createQueue, type JobQueue } from '../registry/jobs/index.js';
import { CLI_ACTOR } from '../registry/audit.js';
import { createToken } from '../registry/auth/tokens.js';
import { WebhookDispatcher } from '../registry/webhooks.js';
import { buildServer } from '../server/app.js';
import type { ServerOptions } from '../server/types.js';

/** The databases the registry suites run on: SQLite always, PostgreSQL when IOTCOP_TEST_PG names a server. */
export const DATABASES: readonly { readonly dialect: DialectName; readonly skip: string | false }[] = [
  { dialect: 'sqlite', skip: false },
  { dialect: 'postgres', skip: process.env.IOTCOP_TEST_PG ? false : 'IOTCOP_TEST_PG is not set (postgres://user:pass@host/db of a server where the tests may create databases); .ci/run sets it' },
];

export interface TestRegistry {
  readonly ctx: RegistryContext;
  readonly app: FastifyInstance;
  readonly queue: JobQueue;
  readonly webhooks: WebhookDispatcher;
  /** A registry-admin bearer token. */
  readonly adminToken: string;
  readonly dataDir: string;
  close(): Promise<void>;
}

export interface TestRegistryOptions {
  readonly clock?: () => Date;
  readonly limits?: Partial<RegistryLimits>;
  readonly server?: Partial<Omit<ServerOptions, 'ctx'>>;
  /** Start this many in-process workers (default 1). */
  readonly workers?: number;
  readonly publicUrl?: string;
}

/** A fresh database of its own: a temporary SQLite file, or a new PostgreSQL database dropped afterwards. */
export async function freshDatabase(dialect: DialectName, dir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') return { url: join(dir, 'registry.db'), drop: () => Promise.resolve() };
  const admin = process.env.IOTCOP_TEST_PG!;
  const name = `iotcop_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function testRegistry(dialect: DialectName, options: TestRegistryOptions = {}): Promise<TestRegistry> {
  const dataDir = mkdtempSync(join(tmpdir(), 'iotcop-registry-'));
  const db = await freshDatabase(dialect, dataDir);
  const handle = openDatabase(db.url, { poolSize: 4 });
  await migrateToLatest(handle);
  const ctx = createContext(handle, {
    dataDir, publicUrl: options.publicUrl ?? 'https://registry.test', version: 'test',
    ...(options.clock ? { clock: options.clock } : {}), ...(options.limits ? { limits: options.limits } : {}),
  });
  const queue = createQueue(ctx);
  await queue.start(options.workers ?? 1);
  const webhooks = new WebhookDispatcher(ctx, 2000);
  const app = await buildServer({ ctx, logger: false, cookieSecure: false, ...options.server });
  await app.ready();
  const { token } = await createToken(ctx, CLI_ACTOR, { orgId: null, role: 'registry-admin', name: 'test admin' });
  return {
    ctx, app, queue, webhooks, adminToken: token, dataDir,
    async close() {
      await app.close();
      await queue.stop();
      await webhooks.drain();
      await handle.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** Polls an assessment until its job has finished (the queue runs it in the background). */
export async function waitForAssessment(app: FastifyInstance, token: string, org: string, id: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await app.inject({ method: 'GET', url: `/api/v1/orgs/${org}/assessments/${id}`, headers: auth(token) });
    const body = res.json<Record<string, unknown>>();
    if (body.status === 'done' || body.status === 'failed') return body;
    if (Date.now() > deadline) throw new Error(`assessment ${id} still ${String(body.status)} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
