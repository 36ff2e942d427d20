import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FormatError } from '../../errors.js';
import { taskSpan } from './file-span.js';
import { runTask, type DecodeTask } from './task.js';

/** Runs decode tasks: in this thread, or spread over worker threads. */
export interface TaskRunner {
  /**
   * True when tasks run in this thread: they need their compressed bytes attached and may write into any
   * buffer. Worker runners read file spans themselves and write into shared memory.
   */
  readonly inThread: boolean;
  /** Resolves to the decoded buffer, or to undefined when the task wrote into its target. */
  run(task: DecodeTask): Promise<Buffer | undefined>;
}

export const inlineRunner: TaskRunner = {
  inThread: true,
  run: (task) => new Promise((resolve) => resolve(runTask(task, task.data ?? new Uint8Array(0)))),
};

interface Pending {
  resolve(out: Buffer | undefined): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

type Reply = { id: number; out?: Uint8Array } | { id: number; error: string; format: boolean };

/**
 * A small pool of worker threads for block decompression, so the blocks of one file and of files read
 * concurrently decode on every core. Only offsets and compressed bytes cross threads (transferred, not
 * copied); idle workers are unref'd so they never keep the process alive.
 */
export class BlockPool implements TaskRunner {
  readonly inThread = false;
  private readonly slots: Slot[] = [];
  private broken = false;
  private nextId = 1;

  constructor(private readonly size: number) {}

  run(task: DecodeTask): Promise<Buffer | undefined> {
    if (this.broken) return inlineRunner.run({ ...task, data: taskSpan(task) });
    let slot: Slot;
    try {
      slot = this.pick();
    } catch {
      // No worker threads here (a sandbox, resource limits): decode in this thread from now on.
      this.broken = true;
      return this.run(task);
    }
    const id = this.nextId++;
    let message = task;
    const transfer: ArrayBuffer[] = [];
    if (task.data) {
      // Transfer needs a buffer that owns its ArrayBuffer; copy views of shared memory (page cache, pools).
      const owned = task.data.byteOffset === 0 && task.data.byteLength === task.data.buffer.byteLength && task.data.buffer instanceof ArrayBuffer;
      const data = owned ? task.data : new Uint8Array(task.data);
      message = { ...task, data };
      transfer.push(data.buffer as ArrayBuffer);
    }
    return new Promise<Buffer | undefined>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      if (slot.pending.size === 1) slot.worker.ref();
      slot.worker.postMessage({ id, task: message }, transfer);
    });
  }

  private pick(): Slot {
    if (this.slots.length < this.size) {
      const idle = this.slots.find((s) => s.pending.size === 0);
      if (idle) return idle;
      return this.spawn();
    }
    let best = this.slots[0];
    if (!best) throw new Error('squashfs: block pool without workers');
    for (const s of this.slots) if (s.pending.size < best.pending.size) best = s;
    return best;
  }

  private spawn(): Slot {
    const worker = startWorker();
    const slot: Slot = { worker, pending: new Map() };
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(slot, reply));
    worker.on('error', (error) => this.fail(slot, error));
    worker.on('exit', () => this.fail(slot, new Error('squashfs block worker exited')));
    this.slots.push(slot);
    return slot;
  }

  private settle(slot: Slot, reply: Reply): void {
    const p = slot.pending.get(reply.id);
    if (!p) return;
    slot.pending.delete(reply.id);
    if (slot.pending.size === 0) slot.worker.unref();
    if ('error' in reply) p.reject(reply.format ? new FormatError(reply.error) : new Error(reply.error));
    else p.resolve(reply.out ? Buffer.from(reply.out.buffer, reply.out.byteOffset, reply.out.byteLength) : undefined);
  }

  private fail(slot: Slot, error: Error): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    for (const p of slot.pending.values()) p.reject(error);
    slot.pending.clear();
  }
}

/**
 * Starts a block worker. Compiled code runs block-worker.js directly; when the sources run through tsx (tests),
 * the worker first registers tsx's loader so that it can import the TypeScript worker module.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./block-worker.js', import.meta.url));
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./block-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true });
}

let shared: TaskRunner | undefined;

/**
 * The process-wide runner: a pool with one worker per core, or inline when IOTCOP_WORKERS=0 or the machine
 * has a single core.
 */
export function sharedRunner(): TaskRunner {
  if (!shared) {
    const cores = availableParallelism();
    const configured = Number(process.env.IOTCOP_WORKERS ?? (cores >= 2 ? cores : 0));
    const size = Number.isFinite(configured) ? Math.max(0, Math.min(64, Math.floor(configured))) : 1;
    shared = size >= 1 ? new BlockPool(size) : inlineRunner;
  }
  return shared;
}
