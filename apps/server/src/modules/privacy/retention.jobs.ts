import type { Platform } from '../../platform/index.ts';
import type { PrivacyDeps } from './privacy.deps.ts';
import { runRetention } from './retention.service.ts';

/** The daily retention run (SPEC §4.7): audit events, archived Nanos, inactive and unverified accounts, exports. */
export const RETENTION_JOB = 'privacy.retention';
/** Daily at 03:30, after the night's other housekeeping and before people are about. */
export const RETENTION_CRON = '30 3 * * *';

/** Registers the retention job; each run is idempotent, so a retried or doubled run does no harm. */
export function registerRetentionJobs(platform: Platform, deps: PrivacyDeps): void {
  platform.jobs.register(
    RETENTION_JOB,
    async () => {
      await runRetention(deps, { dryRun: false });
    },
    { maxAttempts: 3 },
  );
}

/** Creates or updates the cron schedule (idempotent). */
export async function scheduleRetentionJobs(platform: Platform): Promise<void> {
  await platform.jobs.schedule(RETENTION_JOB, RETENTION_CRON);
}
