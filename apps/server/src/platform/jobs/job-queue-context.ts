import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../clock.ts';
import type { JobHandler, JobLogger } from '../jobs.ts';

/** What a queue instance knows about one job name registered in this process. */
export interface Registration {
  handler: JobHandler<unknown>;
  maxAttempts: number;
  backoffMs: number;
  timeoutMs: number;
}

/** The state of one queue instance that its enqueue, schedule and run steps share. */
export interface JobQueueContext {
  db: Kysely<Database>;
  clock: Clock;
  logger: JobLogger;
  workerId: string;
  registrations: Map<string, Registration>;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
