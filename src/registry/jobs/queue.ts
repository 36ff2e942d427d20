/** Runs assessment jobs. SQLite: workers poll the database; PostgreSQL: pg-boss. */
export interface JobQueue {
  /** Announces a queued assessment to the workers. */
  enqueue(assessmentId: string): Promise<void>;
  /** Starts `concurrency` workers in this process (0: only enqueue). */
  start(concurrency: number): Promise<void>;
  /** Stops taking jobs and waits for running ones to finish. */
  stop(): Promise<void>;
}
