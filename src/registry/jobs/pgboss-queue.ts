import PgBoss from 'pg-boss';
import type { RegistryContext } from '../context.js';
import { claimAssessment, runAssessment } from '../assessments/run.js';
import { requeueStale } from './poll-queue.js';
import type { JobQueue } from './queue.js';

export const ASSESSMENT_QUEUE = 'iotcop-assessment';

/** PostgreSQL: pg-boss carries the jobs (SKIP LOCKED), so any number of `iotcop worker` processes can share them. */
export class PgBossQueue implements JobQueue {
  private readonly boss: PgBoss;
  private started: Promise<void> | undefined;
  private workers: string[] = [];

  constructor(private readonly ctx: RegistryContext, connectionString: string, schema = 'pgboss') {
    this.boss = new PgBoss({ connectionString, schema, max: 4 });
    this.boss.on('error', () => undefined); // reported through job failures; an idle connection drop must not crash the server
  }

  private ensureStarted(): Promise<void> {
    this.started ??= (async () => {
      await this.boss.start();
      await this.boss.createQueue(ASSESSMENT_QUEUE);
    })();
    return this.started;
  }

  async enqueue(assessmentId: string): Promise<void> {
    await this.ensureStarted();
    await this.boss.send(ASSESSMENT_QUEUE, { assessmentId }, { retryLimit: 2, expireInSeconds: this.ctx.limits.jobSeconds + 60 });
  }

  async start(concurrency: number): Promise<void> {
    await this.ensureStarted();
    await requeueStale(this.ctx);
    for (let i = 0; i < concurrency; i++) {
      this.workers.push(await this.boss.work<{ assessmentId: string }>(ASSESSMENT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) {
          const row = await claimAssessment(this.ctx, job.data.assessmentId);
          if (row) await runAssessment(this.ctx, row);
        }
      }));
    }
    // Assessments requeued above (or queued while no worker ran) need a job too.
    const waiting = await this.ctx.db.selectFrom('assessments').select('id').where('status', '=', 'queued').execute();
    for (const w of waiting) await this.enqueue(w.id);
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    await this.started;
    await this.boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  }
}
