import type { RegistryContext } from '../context.js';
import { claimAssessment, runAssessment } from '../assessments/run.js';
import type { JobQueue } from './queue.js';

/**
 * The embedded queue: the assessments table is the queue. Workers wake on a local enqueue and also poll, so an
 * `iotcop worker` process sharing the SQLite file picks up uploads the server received.
 */
export class PollQueue implements JobQueue {
  private stopping = false;
  private readonly running = new Set<Promise<void>>();
  private wake: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ctx: RegistryContext, private readonly pollMs = 1000) {}

  enqueue(): Promise<void> {
    this.wake?.();
    return Promise.resolve();
  }

  async start(concurrency: number): Promise<void> {
    await requeueStale(this.ctx);
    for (let i = 0; i < concurrency; i++) {
      const loop = this.loop();
      this.running.add(loop);
      void loop.finally(() => this.running.delete(loop));
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const row = await claimAssessment(this.ctx).catch(() => undefined);
      if (row) {
        await runAssessment(this.ctx, row);
        continue;
      }
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(this.timer);
          if (this.wake === done) this.wake = undefined;
          resolve();
        };
        const previous = this.wake;
        this.wake = () => { previous?.(); done(); };
        this.timer = setTimeout(done, this.pollMs);
      });
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await Promise.all([...this.running]);
  }
}

/** A job left running by a process that died is put back in the queue after twice the job time limit. */
export async function requeueStale(ctx: RegistryContext): Promise<number> {
  const cutoff = new Date(ctx.clock().getTime() - 2 * ctx.limits.jobSeconds * 1000).toISOString();
  const res = await ctx.db.updateTable('assessments').set({ status: 'queued' })
    .where('status', '=', 'running').where('started_at', '<', cutoff).where('attempts', '<', 3).executeTakeFirst();
  return Number(res.numUpdatedRows);
}
