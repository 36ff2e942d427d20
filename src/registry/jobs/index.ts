import type { RegistryContext } from '../context.js';
import { PgBossQueue } from './pgboss-queue.js';
import { PollQueue } from './poll-queue.js';
import type { JobQueue } from './queue.js';

export type { JobQueue } from './queue.js';

/** The queue for the context's database; queued assessments are announced to it as they are created. */
export function createQueue(ctx: RegistryContext, options: { pgBossSchema?: string } = {}): JobQueue {
  const queue: JobQueue = ctx.handle.dialect === 'postgres'
    ? new PgBossQueue(ctx, ctx.handle.location, options.pgBossSchema)
    : new PollQueue(ctx);
  ctx.events.on('assessment.queued', ({ assessmentId }) => { void queue.enqueue(assessmentId).catch(() => undefined); });
  return queue;
}
