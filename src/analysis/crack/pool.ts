import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Candidate } from '../credentials/index.js';
import { DEFAULT_MAX_MEMORY, type StoredHash } from '../crypt/index.js';
import type { ChunkResult, ChunkTask } from './crack-worker.js';

// Verifies stored hashes against candidate lists on a piscina worker pool, within a time budget. Each hash is
// split into chunks of roughly CHUNK_COST_MS of work; a hit cancels the rest of its chunks; the budget's end
// cancels everything still queued or running, and those searches are reported unfinished.

export interface CrackJob {
  readonly id: string;
  readonly stored: StoredHash;
  readonly candidates: readonly Candidate[];
}

export type CrackResult =
  | { readonly id: string; readonly status: 'cracked'; readonly candidate: Candidate; readonly tried: number }
  | { readonly id: string; readonly status: 'not-found'; readonly tried: number }
  | { readonly id: string; readonly status: 'unfinished'; readonly tried: number; readonly total: number; readonly reason: string };

export interface CrackOptions {
  /** Wall-clock budget for all jobs together, in milliseconds. */
  readonly budgetMs: number;
  /** Candidates tried at most per hash, by the hash's cost (slow hashes get short lists). */
  readonly maxCost?: number;
  readonly maxMemory?: number;
  readonly threads?: number;
  readonly signal?: AbortSignal;
}

const CHUNK_COST_MS = 150;
/** Default work per hash in cost units (about a millisecond each): 30 s of one core. */
export const DEFAULT_MAX_COST = 30_000;

function workerUrl(): string {
  return new URL(import.meta.url.endsWith('.ts') ? './crack-worker.ts' : './crack-worker.js', import.meta.url).href;
}

function chunksOf(job: CrackJob, maxCost: number): { chunks: string[][]; total: number } {
  const perCandidate = Math.max(job.stored.cost, 0.01);
  const total = Math.max(1, Math.min(job.candidates.length, Math.floor(maxCost / perCandidate)));
  const size = Math.max(1, Math.floor(CHUNK_COST_MS / perCandidate));
  const chunks: string[][] = [];
  for (let i = 0; i < total; i += size) chunks.push(job.candidates.slice(i, Math.min(total, i + size)).map((c) => c.password));
  return { chunks, total };
}

let shared: { pool: Piscina<ChunkTask, ChunkResult>; threads: number } | undefined;

/**
 * One pool per process (worker start-up is the expensive part); its threads exit after a second idle, so the
 * pool never keeps the process alive.
 */
function sharedPool(threads = Math.max(1, availableParallelism())): Piscina<ChunkTask, ChunkResult> {
  if (!shared || shared.threads !== threads) {
    shared = { pool: new Piscina<ChunkTask, ChunkResult>({ filename: workerUrl(), maxThreads: threads, minThreads: 0, idleTimeout: 1000 }), threads };
  }
  return shared.pool;
}

/** Runs every job; never rejects because of the budget (unfinished searches are results). */
export async function crackAll(jobs: readonly CrackJob[], options: CrackOptions): Promise<CrackResult[]> {
  if (jobs.length === 0) return [];
  const pool = sharedPool(options.threads);
  const deadline = Date.now() + options.budgetMs;
  const all = new AbortController();
  const timer = setTimeout(() => all.abort(new Error('time budget used up')), options.budgetMs);
  const onOuter = () => all.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onOuter);
  try {
    return await Promise.all(jobs.map((job) => runJob(pool, job, options, deadline, all.signal)));
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuter);
  }
}

async function runJob(pool: Piscina<ChunkTask, ChunkResult>, job: CrackJob, options: CrackOptions, deadline: number, budget: AbortSignal): Promise<CrackResult> {
  const { chunks, total } = chunksOf(job, options.maxCost ?? DEFAULT_MAX_COST);
  const mine = new AbortController();
  const signal = AbortSignal.any([mine.signal, budget]);
  let tried = 0;
  let found: Candidate | undefined;
  let stopped: string | undefined;
  let offset = 0;
  const runs = chunks.map((candidates) => {
    const start = offset;
    offset += candidates.length;
    const task: ChunkTask = { stored: job.stored, candidates, maxMemory: options.maxMemory ?? DEFAULT_MAX_MEMORY, deadline };
    return pool.run(task, { signal }).then((r) => {
      tried += r.tried;
      if (r.index >= 0 && !found) {
        found = job.candidates[start + r.index];
        mine.abort();
      }
      if (r.stopped) {
        stopped ??= r.stopped === 'deadline' ? 'time budget used up' : r.stopped;
        if (r.stopped !== 'deadline') mine.abort();
      }
    }, () => {
      if (!found) stopped ??= budget.aborted ? 'time budget used up' : 'cancelled';
    });
  });
  await Promise.all(runs);
  if (found) return { id: job.id, status: 'cracked', candidate: found, tried };
  if (stopped) return { id: job.id, status: 'unfinished', tried, total: job.candidates.length, reason: stopped };
  if (total < job.candidates.length) {
    return { id: job.id, status: 'unfinished', tried, total: job.candidates.length, reason: `the hash is slow: only the ${total} most likely candidates fit the per-hash work limit` };
  }
  return { id: job.id, status: 'not-found', tried };
}
