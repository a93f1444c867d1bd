import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../clock.ts';
import type { EnqueueOptions, JobDefinition, JobHandler, JobLogger, JobQueue, JobStats } from '../jobs.ts';
import { insertJob } from './job-enqueue.ts';
import { createCompletedJobPruner } from './job-pruning.ts';
import {
  DEFAULT_BACKOFF_MS,
  DEFAULT_CONCURRENCY,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_TIMEOUT_MS,
} from './job-queue-constants.ts';
import type { JobQueueContext, Registration } from './job-queue-context.ts';
import { type ClaimedJob, claim, run } from './job-runner.ts';
import { enqueueDueSchedules, upsertSchedule } from './job-schedules.ts';

export {
  COMPLETED_JOB_RETENTION_MS,
  DEFAULT_BACKOFF_MS,
  DEFAULT_CONCURRENCY,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_TIMEOUT_MS,
  MAX_ERROR_LENGTH,
  MAX_RETRY_DELAY_MS,
  PRUNE_BATCH_SIZE,
  PRUNE_INTERVAL_MS,
  SINGLETON_ENQUEUE_TRIES,
} from './job-queue-constants.ts';

/** What {@link createDatabaseJobQueue} needs. */
export interface DatabaseJobQueueOptions {
  db: Kysely<Database>;
  clock: Clock;
  logger: JobLogger;
  /** Default {@link DEFAULT_POLL_INTERVAL_MS}. */
  pollIntervalMs?: number;
  /** Default {@link DEFAULT_CONCURRENCY}. */
  concurrency?: number;
  /** Names this runner in log lines; default host name and process id. */
  workerId?: string;
}

/**
 * Creates the durable job queue in the `jobs` and `job_schedules` tables, with the same SQL on PGlite
 * and PostgreSQL. Every notion of "now" comes from `clock` (passed as a parameter, never SQL `now()`),
 * so tests with a fake clock decide exactly what is due.
 */
export function createDatabaseJobQueue(options: DatabaseJobQueueOptions): JobQueue {
  const { db, clock, logger } = options;
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}`;
  const registrations = new Map<string, Registration>();
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let currentTick: Promise<void> | undefined;

  const context: JobQueueContext = { db, clock, logger, workerId, registrations };
  const pruneCompleted = createCompletedJobPruner(context);

  /** Runs a job in the background, remembered so `stop()` can wait for it. */
  function startRun(job: ClaimedJob): void {
    const running = run(context, job)
      .catch((error: unknown) => {
        logger.error({ err: error, jobId: job.id, job: job.name, workerId }, 'could not record job outcome');
      })
      .finally(() => {
        inFlight.delete(running);
      });
    inFlight.add(running);
  }

  async function tick(): Promise<void> {
    await enqueueDueSchedules(context);
    await pruneCompleted();
    for (const job of await claim(context, concurrency - inFlight.size)) {
      startRun(job);
    }
  }

  function onTimer(): void {
    // A slow tick (busy database) must not start a second one that claims on top of it.
    if (currentTick) {
      return;
    }
    currentTick = tick()
      .catch((error: unknown) => {
        logger.error({ err: error, workerId }, 'job queue poll failed');
      })
      .finally(() => {
        currentTick = undefined;
      });
  }

  return {
    register<P>(name: string, handler: JobHandler<P>, definition: JobDefinition = {}): void {
      registrations.set(name, {
        // The queue stores payloads as JSON and cannot check them; the handler's type is the caller's promise.
        handler: handler as JobHandler<unknown>,
        maxAttempts: definition.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        backoffMs: definition.backoffMs ?? DEFAULT_BACKOFF_MS,
        timeoutMs: definition.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
    },

    enqueue(name: string, payload?: unknown, enqueueOptions: EnqueueOptions = {}): Promise<string> {
      return insertJob(context, db, name, payload, enqueueOptions);
    },

    async schedule(name: string, cron: string, payload?: unknown): Promise<void> {
      await upsertSchedule(context, name, cron, payload);
    },

    start(): void {
      if (timer) {
        return;
      }
      timer = setInterval(onTimer, pollIntervalMs);
      // Polling alone must not keep the process alive; the server or worker decides when to exit.
      timer.unref();
      logger.info({ workerId, concurrency, pollIntervalMs }, 'job queue started');
      onTimer();
    },

    async stop(): Promise<void> {
      if (timer) {
        clearInterval(timer);
        timer = undefined;
      }
      await currentTick;
      await Promise.all(inFlight);
    },

    async runDue(): Promise<number> {
      await enqueueDueSchedules(context);
      await pruneCompleted();
      let count = 0;
      for (;;) {
        const jobs = await claim(context, concurrency);
        if (jobs.length === 0) {
          return count;
        }
        await Promise.all(jobs.map((job) => run(context, job)));
        count += jobs.length;
      }
    },

    async stats(): Promise<JobStats> {
      const rows = await db
        .selectFrom('jobs')
        .select((eb) => ['status', eb.cast<number>(eb.fn.countAll(), 'integer').as('count')])
        .groupBy('status')
        .execute();
      const stats: JobStats = { queued: 0, running: 0, failed: 0, completed: 0 };
      for (const row of rows) {
        stats[row.status] = row.count;
      }
      return stats;
    },
  };
}
