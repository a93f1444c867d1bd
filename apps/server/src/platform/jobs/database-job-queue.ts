import { hostname } from 'node:os';
import { CronExpressionParser } from 'cron-parser';
import { type Kysely, sql, type Updateable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database, JobsTable } from '../../db/database.ts';
import type { Clock } from '../clock.ts';
import type {
  EnqueueOptions,
  JobContext,
  JobDefinition,
  JobHandler,
  JobLogger,
  JobQueue,
  JobStats,
} from '../jobs.ts';

/** How often a started queue looks for due jobs and schedules. */
export const DEFAULT_POLL_INTERVAL_MS = 1_000;
/** Handlers one queue instance runs at the same time. */
export const DEFAULT_CONCURRENCY = 2;
/** Attempts in all before a job is marked failed, when its definition does not say. */
export const DEFAULT_MAX_ATTEMPTS = 5;
/** First retry delay, doubled with each further attempt, when the definition does not say. */
export const DEFAULT_BACKOFF_MS = 10_000;
/** How long a run may hold its job before another runner may take it over, when the definition does not say. */
export const DEFAULT_TIMEOUT_MS = 5 * 60_000;
/** Upper bound for one retry delay, so a large attempt count cannot push a job out by weeks. */
export const MAX_RETRY_DELAY_MS = 24 * 60 * 60_000;
/** Completed jobs older than this are deleted by the queue itself; failed jobs are kept for inspection. */
export const COMPLETED_JOB_RETENTION_MS = 7 * 24 * 60 * 60_000;
/** Completed jobs deleted per prune, so one prune stays a short statement however much has piled up. */
export const PRUNE_BATCH_SIZE = 1_000;
/** Minimum time between two prunes of one queue instance; pruning every poll would scan the table each second. */
export const PRUNE_INTERVAL_MS = 10 * 60_000;
/** Longest error message stored in `jobs.last_error`; stack-sized messages stay in the logs. */
export const MAX_ERROR_LENGTH = 2_000;
/**
 * Tries of a singleton enqueue: the job that blocked the insert can finish before we read its id, and
 * then the insert is tried again.
 */
export const SINGLETON_ENQUEUE_TRIES = 3;

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

interface Registration {
  handler: JobHandler<unknown>;
  maxAttempts: number;
  backoffMs: number;
  timeoutMs: number;
}

/** A job this runner has claimed; `attempt` is the attempt it now runs (attempts after the claim). */
interface ClaimedJob {
  id: string;
  handler: JobHandler<unknown>;
  name: string;
  payload: unknown;
  attempt: number;
  maxAttempts: number;
  backoffMs: number;
}

const ACTIVE_STATUSES = ['queued', 'running'] as const;

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
  let lastPruneAt: number | undefined;

  /** Retry settings stored on a new job; a name registered only in another process gets the defaults. */
  function retrySettingsOf(name: string): Pick<Registration, 'maxAttempts' | 'backoffMs'> {
    const registered = registrations.get(name);
    return {
      maxAttempts: registered?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      backoffMs: registered?.backoffMs ?? DEFAULT_BACKOFF_MS,
    };
  }

  async function insertJob(
    executor: Kysely<Database>,
    name: string,
    payload: unknown,
    enqueueOptions: EnqueueOptions,
  ): Promise<string> {
    const { maxAttempts, backoffMs } = retrySettingsOf(name);
    const singletonKey = enqueueOptions.singletonKey ?? null;
    for (let tries = 0; tries < SINGLETON_ENQUEUE_TRIES; tries++) {
      const inserted = await executor
        .insertInto('jobs')
        .values({
          id: uuidv7(),
          name,
          payload: JSON.stringify(payload ?? {}),
          status: 'queued',
          max_attempts: maxAttempts,
          backoff_ms: backoffMs,
          run_at: enqueueOptions.runAt ?? clock.now(),
          singleton_key: singletonKey,
          created_at: clock.now(),
        })
        // The conflict target must restate the partial index's predicate (as literals, so PostgreSQL can
        // prove the implication at plan time) for `jobs_singleton_idx` to be chosen as the arbiter.
        .onConflict((oc) =>
          oc
            .columns(['name', 'singleton_key'])
            .where('singleton_key', 'is not', null)
            .where(
              'status',
              'in',
              ACTIVE_STATUSES.map((status) => sql.lit(status)),
            )
            .doNothing(),
        )
        .returning('id')
        .executeTakeFirst();
      if (inserted) {
        return inserted.id;
      }
      const existing = await executor
        .selectFrom('jobs')
        .select('id')
        .where('name', '=', name)
        .where('singleton_key', '=', singletonKey)
        .where('status', 'in', ACTIVE_STATUSES)
        .executeTakeFirst();
      if (existing) {
        return existing.id;
      }
    }
    throw new Error(
      `Could not enqueue job "${name}" with singleton key "${singletonKey}": it kept conflicting`,
    );
  }

  function parseCron(cron: string, after: Date, scheduleName: string): Date {
    // cron-parser also takes seconds fields and an empty string ("every minute"); the contract is 5 fields.
    const fields = cron
      .trim()
      .split(/\s+/)
      .filter((field) => field.length > 0);
    if (fields.length !== 5) {
      throw new Error(
        `Invalid cron expression "${cron}" for schedule "${scheduleName}": expected 5 fields (minute hour day month weekday), got ${fields.length}`,
      );
    }
    try {
      return CronExpressionParser.parse(cron, { currentDate: after, tz: 'UTC' }).next().toDate();
    } catch (error) {
      throw new Error(
        `Invalid cron expression "${cron}" for schedule "${scheduleName}": ${errorMessage(error)}`,
      );
    }
  }

  /**
   * Enqueues one job per due schedule. The schedule row is moved on by compare-and-set inside the
   * transaction that enqueues, so when several instances see the same due slot only the one whose update
   * hits the row enqueues; and a schedule that missed several slots (downtime) moves to the next slot
   * after now, enqueueing once.
   */
  async function enqueueDueSchedules(): Promise<void> {
    const now = clock.now();
    const due = await db
      .selectFrom('job_schedules')
      .select(['name', 'cron', 'payload', 'next_run_at'])
      .where('next_run_at', '<=', now)
      .execute();
    for (const schedule of due) {
      let next: Date;
      try {
        next = parseCron(schedule.cron, now, schedule.name);
      } catch (error) {
        // A row written by another version or by hand must not stop the other schedules.
        logger.error({ err: error, schedule: schedule.name, workerId }, 'job schedule has an invalid cron');
        continue;
      }
      await db.transaction().execute(async (trx) => {
        const moved = await trx
          .updateTable('job_schedules')
          .set({ next_run_at: next, updated_at: now })
          .where('name', '=', schedule.name)
          .where('next_run_at', '=', schedule.next_run_at)
          .executeTakeFirst();
        if (moved.numUpdatedRows === 0n) {
          return;
        }
        await insertJob(trx, schedule.name, schedule.payload, {});
      });
    }
  }

  async function pruneCompleted(): Promise<void> {
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
  }

  /**
   * Claims up to `limit` due jobs of the registered names: queued jobs whose time has come, and running
   * jobs whose lock expired because their runner crashed or overran. `SKIP LOCKED` lets concurrent
   * claimers pass over each other's rows instead of waiting or taking the same job.
   */
  async function claim(limit: number): Promise<ClaimedJob[]> {
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
  async function run(job: ClaimedJob): Promise<void> {
    const context: JobContext = { id: job.id, name: job.name, attempt: job.attempt };
    try {
      await job.handler(job.payload, context);
    } catch (error) {
      await recordFailure(job, error);
      return;
    }
    await recordOutcome(job, { status: 'completed', locked_until: null, finished_at: clock.now() });
  }

  async function recordFailure(job: ClaimedJob, error: unknown): Promise<void> {
    const now = clock.now();
    const lastError = errorMessage(error).slice(0, MAX_ERROR_LENGTH);
    const logObject = { err: error, jobId: job.id, job: job.name, attempt: job.attempt, workerId };
    if (job.attempt < job.maxAttempts) {
      const delay = Math.min(job.backoffMs * 2 ** (job.attempt - 1), MAX_RETRY_DELAY_MS);
      const runAt = new Date(now.getTime() + delay);
      logger.warn({ ...logObject, retryAt: runAt.toISOString() }, 'job failed, will retry');
      await recordOutcome(job, {
        status: 'queued',
        locked_until: null,
        run_at: runAt,
        last_error: lastError,
      });
      return;
    }
    logger.error(logObject, 'job failed after its last attempt');
    await recordOutcome(job, {
      status: 'failed',
      locked_until: null,
      finished_at: now,
      last_error: lastError,
    });
  }

  async function recordOutcome(job: ClaimedJob, values: Updateable<JobsTable>): Promise<void> {
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

  /** Runs a job in the background, remembered so `stop()` can wait for it. */
  function startRun(job: ClaimedJob): void {
    const running = run(job)
      .catch((error: unknown) => {
        logger.error({ err: error, jobId: job.id, job: job.name, workerId }, 'could not record job outcome');
      })
      .finally(() => {
        inFlight.delete(running);
      });
    inFlight.add(running);
  }

  async function tick(): Promise<void> {
    await enqueueDueSchedules();
    await pruneCompleted();
    for (const job of await claim(concurrency - inFlight.size)) {
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
      return insertJob(db, name, payload, enqueueOptions);
    },

    async schedule(name: string, cron: string, payload?: unknown): Promise<void> {
      const now = clock.now();
      const next = parseCron(cron, now, name);
      await db
        .insertInto('job_schedules')
        .values({ name, cron, payload: JSON.stringify(payload ?? {}), next_run_at: next, updated_at: now })
        // Every process re-declares its schedules at boot; an unchanged cron keeps its pending slot, so a
        // slot missed while everything was down still runs once.
        .onConflict((oc) =>
          oc.column('name').doUpdateSet((eb) => ({
            cron: eb.ref('excluded.cron'),
            payload: eb.ref('excluded.payload'),
            updated_at: eb.ref('excluded.updated_at'),
            next_run_at: eb
              .case()
              .when('job_schedules.cron', '=', eb.ref('excluded.cron'))
              .then(eb.ref('job_schedules.next_run_at'))
              .else(eb.ref('excluded.next_run_at'))
              .end(),
          })),
        )
        .execute();
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
      await enqueueDueSchedules();
      await pruneCompleted();
      let count = 0;
      for (;;) {
        const jobs = await claim(concurrency);
        if (jobs.length === 0) {
          return count;
        }
        await Promise.all(jobs.map((job) => run(job)));
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

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
