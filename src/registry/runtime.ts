import { resolve } from 'node:path';
import { createContext, type RegistryContext, type RegistryLimits } from './context.js';
import { DEFAULT_DB, openDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { createQueue, type JobQueue } from './jobs/index.js';
import { stopCsafValidator } from './vdp/csaf-validate.js';
import { WebhookDispatcher } from './webhooks.js';

export interface RuntimeOptions {
  /** SQLite file or postgres:// URL. */
  readonly db?: string;
  readonly dataDir?: string;
  readonly publicUrl: string;
  /** In-process assessment workers (0: this process only queues). */
  readonly workers: number;
  readonly version: string;
  readonly limits?: Partial<RegistryLimits>;
  /** Run migrations first (default true). */
  readonly migrate?: boolean;
}

/** A running registry back end: database (migrated), job queue with its workers, webhook delivery. */
export interface RegistryRuntime {
  readonly ctx: RegistryContext;
  readonly queue: JobQueue;
  readonly webhooks: WebhookDispatcher;
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = './iotcop-data';

export async function openRuntime(options: RuntimeOptions): Promise<RegistryRuntime> {
  const handle = openDatabase(options.db ?? DEFAULT_DB);
  try {
    if (options.migrate !== false) await migrateToLatest(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  const ctx = createContext(handle, {
    dataDir: resolve(options.dataDir ?? DEFAULT_DATA_DIR), publicUrl: options.publicUrl, version: options.version,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const queue = createQueue(ctx);
  await queue.start(options.workers);
  const webhooks = new WebhookDispatcher(ctx);
  return {
    ctx, queue, webhooks,
    async close() {
      // Order matters: stop taking jobs and let running ones finish, deliver pending webhooks, then close the pool.
      await queue.stop();
      await webhooks.drain();
      await stopCsafValidator();
      await handle.close();
    },
  };
}
