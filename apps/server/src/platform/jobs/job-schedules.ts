import { CronExpressionParser } from 'cron-parser';
import { insertJob } from './job-enqueue.ts';
import { errorMessage, type JobQueueContext } from './job-queue-context.ts';

export function parseCron(cron: string, after: Date, scheduleName: string): Date {
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
export async function enqueueDueSchedules(context: JobQueueContext): Promise<void> {
  const { db, clock, logger, workerId } = context;
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
      await insertJob(context, trx, schedule.name, schedule.payload, {});
    });
  }
}

/** Inserts or updates the schedule `name`; its next slot is moved only when the cron changed. */
export async function upsertSchedule(
  context: JobQueueContext,
  name: string,
  cron: string,
  payload: unknown,
): Promise<void> {
  const { db, clock } = context;
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
}
