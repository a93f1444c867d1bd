import type { Updateable } from 'kysely';
import type { JobsTable } from '../../db/database.ts';
import type { JobContext, JobHandler } from '../jobs.ts';
import { inSpan, markFailed, SpanKind } from '../tracing/spans.ts';
import { MAX_ERROR_LENGTH, MAX_RETRY_DELAY_MS } from './job-queue-constants.ts';
import { errorMessage, type JobQueueContext } from './job-queue-context.ts';

/** A job this runner has claimed; `attempt` is the attempt it now runs (attempts after the claim). */
export interface ClaimedJob {
  id: string;
  handler: JobHandler<unknown>;
  name: string;
  payload: unknown;
  attempt: number;
  maxAttempts: number;
  backoffMs: number;
}

/**
 * Claims up to `limit` due jobs of the registered names: queued jobs whose time has come, and running
 * jobs whose lock expired because their runner crashed or overran. `SKIP LOCKED` lets concurrent
 * claimers pass over each other's rows instead of waiting or taking the same job.
 */
export async function claim(context: JobQueueContext, limit: number): Promise<ClaimedJob[]> {
  const { db, clock, logger, workerId, registrations } = context;
  const names = [...registrations.keys()];
  if (limit <= 0 || names.length === 0) {
    return [];
  }
  const now = clock.now();
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('jobs')
      .select(['id', 'name', 'payload', 'status', 'attempts', 'max_attempts', 'backoff_ms'])
      .where('name', 'in', names)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
        ]),
      )
      .orderBy('run_at')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    const claimed: ClaimedJob[] = [];
    for (const row of rows) {
      if (row.status === 'running' && row.attempts >= row.max_attempts) {
        // The run that expired was the last one allowed; taking it over again would exceed max attempts.
        const lastError = `run timed out on attempt ${row.attempts} (lock expired)`;
        await trx
          .updateTable('jobs')
          .set({ status: 'failed', locked_until: null, finished_at: now, last_error: lastError })
          .where('id', '=', row.id)
          .execute();
        logger.error(
          { jobId: row.id, job: row.name, attempt: row.attempts, workerId },
          'job failed: timed out',
        );
        continue;
      }
      if (row.status === 'running') {
        logger.warn(
          { jobId: row.id, job: row.name, attempt: row.attempts, workerId },
          'taking over a job whose runner did not finish in time',
        );
      }
      const registration = registrations.get(row.name);
      if (!registration) {
        continue;
      }
      await trx
        .updateTable('jobs')
        .set({
          status: 'running',
          attempts: row.attempts + 1,
          locked_until: new Date(now.getTime() + registration.timeoutMs),
        })
        .where('id', '=', row.id)
        .execute();
      claimed.push({
        id: row.id,
        handler: registration.handler,
        name: row.name,
        payload: row.payload,
        attempt: row.attempts + 1,
        maxAttempts: row.max_attempts,
        backoffMs: row.backoff_ms,
      });
    }
    return claimed;
  });
}

/**
 * Runs one claimed job and records the outcome. The outcome is written only while the row is still
 * this run's (running, same attempt): if the lock expired and another runner took the job over, that
 * runner owns the row now.
 */
export async function run(queue: JobQueueContext, job: ClaimedJob): Promise<void> {
  const context: JobContext = { id: job.id, name: job.name, attempt: job.attempt };
  // Each run is a trace of its own, so its queries, Redis commands, S3 calls and mails show up together.
  await inSpan(
    `job ${job.name}`,
    {
      kind: SpanKind.CONSUMER,
      root: true,
      attributes: { 'job.name': job.name, 'job.id': job.id, 'job.attempt': job.attempt },
    },
    async (span) => {
      try {
        await job.handler(job.payload, context);
      } catch (error) {
        markFailed(span, error);
        await recordFailure(queue, job, error);
        return;
      }
      await recordOutcome(queue, job, {
        status: 'completed',
        locked_until: null,
        finished_at: queue.clock.now(),
      });
    },
  );
}

async function recordFailure(context: JobQueueContext, job: ClaimedJob, error: unknown): Promise<void> {
  const { clock, logger, workerId } = context;
  const now = clock.now();
  const lastError = errorMessage(error).slice(0, MAX_ERROR_LENGTH);
  const logObject = { err: error, jobId: job.id, job: job.name, attempt: job.attempt, workerId };
  if (job.attempt < job.maxAttempts) {
    const delay = Math.min(job.backoffMs * 2 ** (job.attempt - 1), MAX_RETRY_DELAY_MS);
    const runAt = new Date(now.getTime() + delay);
    logger.warn({ ...logObject, retryAt: runAt.toISOString() }, 'job failed, will retry');
    await recordOutcome(context, job, {
      status: 'queued',
      locked_until: null,
      run_at: runAt,
      last_error: lastError,
    });
    return;
  }
  logger.error(logObject, 'job failed after its last attempt');
  await recordOutcome(context, job, {
    status: 'failed',
    locked_until: null,
    finished_at: now,
    last_error: lastError,
  });
}

async function recordOutcome(
  context: JobQueueContext,
  job: ClaimedJob,
  values: Updateable<JobsTable>,
): Promise<void> {
  const { db, logger, workerId } = context;
  const result = await db
    .updateTable('jobs')
    .set(values)
    .where('id', '=', job.id)
    .where('status', '=', 'running')
    .where('attempts', '=', job.attempt)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) {
    logger.warn(
      { jobId: job.id, job: job.name, attempt: job.attempt, workerId },
      'job outcome discarded: another runner took the job over after its lock expired',
    );
  }
}
