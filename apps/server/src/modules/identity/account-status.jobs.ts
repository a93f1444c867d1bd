import type { Platform } from '../../platform/index.ts';
import { liftExpiredSuspensions } from './account-status.ts';

/** The job that ends suspensions whose end has passed. */
export const LIFT_SUSPENSIONS_JOB = 'identity.lift_suspensions';
/** Every five minutes: a suspension ends at most that late. */
export const LIFT_SUSPENSIONS_CRON = '*/5 * * * *';

/** Registers the job that lifts ended suspensions (timed suspensions by moderators and admins). */
export function registerAccountStatusJobs(platform: Platform): void {
  platform.jobs.register(
    LIFT_SUSPENSIONS_JOB,
    async () => {
      await liftExpiredSuspensions(platform.database.db, { clock: platform.clock });
    },
    { maxAttempts: 3 },
  );
}

/** Schedules it (idempotent; every instance may call it at start). */
export async function scheduleAccountStatusJobs(platform: Platform): Promise<void> {
  await platform.jobs.schedule(LIFT_SUSPENSIONS_JOB, LIFT_SUSPENSIONS_CRON);
}
