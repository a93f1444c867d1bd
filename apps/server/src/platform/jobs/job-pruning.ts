import { COMPLETED_JOB_RETENTION_MS, PRUNE_BATCH_SIZE, PRUNE_INTERVAL_MS } from './job-queue-constants.ts';
import type { JobQueueContext } from './job-queue-context.ts';

/**
 * Returns the prune step of one queue instance: deletes a batch of old completed jobs, at most once per
 * {@link PRUNE_INTERVAL_MS}.
 */
export function createCompletedJobPruner(
  context: Pick<JobQueueContext, 'db' | 'clock'>,
): () => Promise<void> {
  const { db, clock } = context;
  let lastPruneAt: number | undefined;
  return async function pruneCompleted(): Promise<void> {
    const now = clock.now().getTime();
    if (lastPruneAt !== undefined && now - lastPruneAt < PRUNE_INTERVAL_MS) {
      return;
    }
    lastPruneAt = now;
    const cutoff = new Date(now - COMPLETED_JOB_RETENTION_MS);
    await db
      .deleteFrom('jobs')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('status', '=', 'completed')
          .where('finished_at', '<', cutoff)
          .limit(PRUNE_BATCH_SIZE),
      )
      .execute();
  };
}
