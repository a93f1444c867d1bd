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
