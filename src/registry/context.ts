import { EventEmitter } from 'node:events';
import type { Kysely } from 'kysely';
import type { RegistryDb } from './db/connect.js';
import type { Database } from './db/schema.js';

/** Limits on what anyone can send; every upload and form is capped. */
export interface RegistryLimits {
  /** One uploaded file (firmware image, manifest, evidence). */
  readonly uploadFileBytes: number;
  /** All files of one assessment upload. */
  readonly uploadTotalBytes: number;
  readonly uploadFiles: number;
  /** JSON and form bodies (disclosure reports, API calls). */
  readonly bodyBytes: number;
  /** Rows of one retailer check. */
  readonly retailRows: number;
  /** Seconds one assessment job may run. */
  readonly jobSeconds: number;
}

export const DEFAULT_LIMITS: RegistryLimits = {
  uploadFileBytes: 512 * 1024 * 1024,
  uploadTotalBytes: 1024 * 1024 * 1024,
  uploadFiles: 64,
  bodyBytes: 256 * 1024,
  retailRows: 5000,
  jobSeconds: 600,
};

/** What changed, for webhooks and the public page cache. */
export interface RegistryEventMap {
  'label.changed': [{ labelId: string }];
  'product.changed': [{ productId: string }];
  'org.changed': [{ orgId: string }];
  'vdp.event': [{ orgId: string; reportId: string; event: string; payload: Record<string, unknown> }];
  'assessment.queued': [{ assessmentId: string }];
}

/** Everything a service needs: the database, the clock, where files live, and the event bus. */
export interface RegistryContext {
  readonly handle: RegistryDb;
  readonly db: Kysely<Database>;
  readonly clock: () => Date;
  /** Uploads, rendered reports and statements live under this folder. */
  readonly dataDir: string;
  /** The public base URL of the registry (label QR codes and status links point here), without a trailing slash. */
  readonly publicUrl: string;
  readonly limits: RegistryLimits;
  readonly events: EventEmitter<RegistryEventMap>;
  /** iotcop's version, stamped in reports. */
  readonly version: string;
}

export interface ContextOptions {
  readonly dataDir: string;
  readonly publicUrl: string;
  readonly clock?: () => Date;
  readonly limits?: Partial<RegistryLimits>;
  readonly version?: string;
}

export function createContext(handle: RegistryDb, options: ContextOptions): RegistryContext {
  return {
    handle,
    db: handle.db,
    clock: options.clock ?? (() => new Date()),
    dataDir: options.dataDir,
    publicUrl: options.publicUrl.replace(/\/+$/, ''),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    events: new EventEmitter<RegistryEventMap>(),
    version: options.version ?? 'dev',
  };
}
