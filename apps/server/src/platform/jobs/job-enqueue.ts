import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import type { EnqueueOptions } from '../jobs.ts';
import { DEFAULT_BACKOFF_MS, DEFAULT_MAX_ATTEMPTS, SINGLETON_ENQUEUE_TRIES } from './job-queue-constants.ts';
import type { JobQueueContext, Registration } from './job-queue-context.ts';

export const ACTIVE_STATUSES = ['queued', 'running'] as const;

/** Retry settings stored on a new job; a name registered only in another process gets the defaults. */
function retrySettingsOf(
  registrations: Map<string, Registration>,
  name: string,
): Pick<Registration, 'maxAttempts' | 'backoffMs'> {
  const registered = registrations.get(name);
  return {
    maxAttempts: registered?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    backoffMs: registered?.backoffMs ?? DEFAULT_BACKOFF_MS,
  };
}

export async function insertJob(
  context: JobQueueContext,
  executor: Kysely<Database>,
  name: string,
  payload: unknown,
  enqueueOptions: EnqueueOptions,
): Promise<string> {
  const { clock, registrations } = context;
  const { maxAttempts, backoffMs } = retrySettingsOf(registrations, name);
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
