/** What a job handler learns about the run it is in. */
export interface JobContext {
  id: string;
  name: string;
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number;
}

/** A background job handler. It must be idempotent: a job can run again after a crash. */
export type JobHandler<P = unknown> = (payload: P, context: JobContext) => Promise<void>;

export interface JobDefinition {
  /** Attempts in all before the job is marked failed (default 5). */
  maxAttempts?: number;
  /** First retry delay in ms; doubles with each attempt (default 10 s). */
  backoffMs?: number;
  /** How long a run may take before another runner may take the job over (default 5 min). */
  timeoutMs?: number;
}

export interface EnqueueOptions {
  /** Run no earlier than this time (default now). */
  runAt?: Date;
  /** While a job with the same name and key is queued or running, enqueueing again returns that job. */
  singletonKey?: string;
}

/** One log level: a structured object and a message, as pino takes them. */
export type JobLogFn = (obj: object, msg: string) => void;

/** Where a job queue reports failures and takeovers (a pino logger fits). */
export interface JobLogger {
  info: JobLogFn;
  warn: JobLogFn;
  error: JobLogFn;
}

/** Counts of jobs by state, for the metrics gauges. */
export type JobStats = Record<'queued' | 'running' | 'failed' | 'completed', number>;

/**
 * Durable background jobs in the database (both PGlite and PostgreSQL). A job is claimed with
 * `FOR UPDATE SKIP LOCKED`, so exactly one runner across all instances executes it; cron schedules are
 * claimed the same way, so each slot enqueues one job however many instances run.
 */
export interface JobQueue {
  register<P>(name: string, handler: JobHandler<P>, definition?: JobDefinition): void;
  enqueue(name: string, payload?: unknown, options?: EnqueueOptions): Promise<string>;
  /** Creates or updates a cron schedule (5-field cron, UTC) that enqueues `name` with `payload`. */
  schedule(name: string, cron: string, payload?: unknown): Promise<void>;
  /** Starts polling for due jobs and schedules. */
  start(): void;
  /** Stops polling and waits for running handlers to finish. */
  stop(): Promise<void>;
  /** Enqueues due schedules and runs every due job now, then resolves with the number run (tests, CLI). */
  runDue(): Promise<number>;
  stats(): Promise<JobStats>;
}
