import { Worker } from 'node:worker_threads';
import { decompress } from '../codecs/index.js';
import { FormatError } from '../errors.js';
import { taskSpan } from './file-span.js';
import type { DecodeTask, ReplyBatch, TaskBatch } from './protocol.js';
import { runTask } from './run-task.js';

/** Runs decode tasks: in this thread, or spread over worker threads. */
export interface TaskRunner {
  /**
   * True when tasks run in this thread: any buffer may be a target. Worker runners need shared memory for
   * targets (or a descriptor to write to).
   */
  readonly inThread: boolean;
  /** Resolves to the decoded buffer, or to undefined when the task wrote into its target or descriptor. */
  run(task: DecodeTask): Promise<Buffer | undefined>;
  /** Starts worker threads ahead of use, so that their start-up overlaps the caller's own work. */
  warm?(): void;
}

/** Decodes in the calling thread (reading file spans itself); used when worker threads are unavailable. */
export const inlineRunner: TaskRunner = {
  inThread: true,
  run: (task) => new Promise((resolve) => resolve(runTask(decompress, task, taskSpan(task)))),
};

interface Pending {
  resolve(out: Buffer | undefined): void;
  reject(error: Error): void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  outbox: { id: number; task: DecodeTask }[];
  transfer: ArrayBuffer[];
  /** Set by the worker's first message: until then tasks wait here, so a worker that cannot start loses none. */
  ready: boolean;
}

/** An array that owns its whole (non-shared) ArrayBuffer can be moved to a worker instead of copied. */
function owned(a: Uint8Array): boolean {
  return a.byteOffset === 0 && a.byteLength === a.buffer.byteLength && a.buffer instanceof ArrayBuffer;
}

/**
 * Worker threads for block decompression. Tasks go to the least busy worker; the tasks queued in one turn
 * of the event loop travel in one message, and workers batch their replies, so thousands of small files
 * cost few messages. Compressed bytes are transferred, not copied (or read by the worker from the image
 * file); outputs go to shared memory or straight into an output file. Idle workers are unref'd, so they
 * never keep the process alive.
 */
export class WorkerPool implements TaskRunner {
  readonly inThread = false;
  private readonly slots: Slot[] = [];
  private broken = false;
  private nextId = 1;
  private flushing = false;

  /** `start` makes a worker (tests pass one that fails, to check the fallback). */
  constructor(readonly size: number, private readonly start: () => Worker = startWorker) {}

  warm(): void {
    try {
      while (!this.broken && this.slots.length < this.size) this.spawn();
    } catch {
      this.broken = true;
    }
  }

  run(task: DecodeTask): Promise<Buffer | undefined> {
    let slot: Slot | undefined;
    try {
      slot = this.broken ? undefined : this.pick();
    } catch {
      // No worker threads here (a sandbox, resource limits): decode in this thread from now on.
      this.broken = true;
    }
    if (!slot) return inlineRunner.run(task);
    const id = this.nextId++;
    let message = task;
    if (task.data) {
      const data = owned(task.data) ? task.data : new Uint8Array(task.data);
      message = { ...task, data };
      slot.transfer.push(data.buffer as ArrayBuffer);
    }
    const target = slot;
    return new Promise<Buffer | undefined>((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      if (target.pending.size === 1) target.worker.ref();
      target.outbox.push({ id, task: message });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushing) return;
    this.flushing = true;
    queueMicrotask(() => {
      this.flushing = false;
      for (const slot of this.slots) {
        if (!slot.ready || slot.outbox.length === 0) continue;
        const batch: TaskBatch = { tasks: slot.outbox };
        const transfer = slot.transfer;
        slot.outbox = [];
        slot.transfer = [];
        slot.worker.postMessage(batch, transfer);
      }
    });
  }

  private pick(): Slot | undefined {
    if (this.size < 1) throw new Error('pool without workers');
    const idle = this.slots.find((s) => s.pending.size === 0);
    if (idle) return idle;
    if (this.slots.length < this.size) return this.spawn();
    let best = this.slots[0];
    for (const s of this.slots) if (best && s.pending.size < best.pending.size) best = s;
    return best;
  }

  private spawn(): Slot {
    const worker = this.start();
    const slot: Slot = { worker, pending: new Map(), outbox: [], transfer: [], ready: false };
    worker.on('message', (batch: ReplyBatch) => {
      if (!slot.ready) {
        slot.ready = true;
        this.scheduleFlush();
      }
      this.settle(slot, batch);
    });
    worker.on('error', (error) => this.fail(slot, error));
    worker.on('exit', () => this.fail(slot, new Error('decode worker exited')));
    // After the listeners: adding a 'message' listener refs the worker again.
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private settle(slot: Slot, batch: ReplyBatch): void {
    for (const reply of batch.replies) {
      const p = slot.pending.get(reply.id);
      if (!p) continue;
      slot.pending.delete(reply.id);
      if ('error' in reply) p.reject(reply.format ? new FormatError(reply.error) : new Error(reply.error));
      else p.resolve(reply.out ? Buffer.from(reply.out.buffer, reply.out.byteOffset, reply.out.byteLength) : undefined);
    }
    if (slot.pending.size === 0) slot.worker.unref();
  }

  private fail(slot: Slot, error: Error): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (!slot.ready) {
      // The worker never started (its script is missing, the sandbox refuses threads): decode in this
      // thread from now on, starting with the tasks that waited for it, which were never posted.
      this.broken = true;
      for (const { id, task } of slot.outbox) {
        const p = slot.pending.get(id);
        if (p) inlineRunner.run(task).then((out) => p.resolve(out), (error: Error) => p.reject(error));
      }
      slot.outbox = [];
    } else {
      for (const p of slot.pending.values()) p.reject(error);
    }
    slot.pending.clear();
  }
}

/**
 * Starts a worker. Compiled code runs decode-worker.js directly; when the sources run through tsx (tests), the
 * worker first registers tsx's loader so that it can import the TypeScript worker module.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./decode-worker.js', import.meta.url));
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./decode-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true });
}
