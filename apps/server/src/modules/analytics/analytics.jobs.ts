import type { Platform } from '../../platform/index.ts';
import { ANALYTICS_ROLLUP_CRON, ANALYTICS_ROLLUP_JOB, rollupAnalytics } from './analytics.rollup.ts';

/** Registers the analytics rollup (issue 6): daily figures from raw events, then pruning. */
export function registerAnalyticsJobs(platform: Platform): void {
  platform.jobs.register(
    ANALYTICS_ROLLUP_JOB,
    async () => {
      await rollupAnalytics({ db: platform.database.db, clock: platform.clock });
    },
    { maxAttempts: 3 },
  );
}

/** Schedules the rollup hourly (idempotent; every instance may call it at start). */
export async function scheduleAnalyticsJobs(platform: Platform): Promise<void> {
  await platform.jobs.schedule(ANALYTICS_ROLLUP_JOB, ANALYTICS_ROLLUP_CRON);
}
