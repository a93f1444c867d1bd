import type { Platform } from '../../platform/index.ts';
import { runDueErasures } from './erasure-request.service.ts';
import type { PrivacyDeps } from './privacy.deps.ts';

/** The job that anonymises accounts whose erasure cancellation window has ended. */
export const RUN_DUE_ERASURES_JOB = 'privacy.run_due_erasures';
/** Every 10 minutes: an account is anonymised at most about 10 minutes after its 7 days. */
export const RUN_DUE_ERASURES_CRON = '*/10 * * * *';

/** Registers the erasure job (serve and worker). */
export function registerErasureJobs(platform: Platform, deps: PrivacyDeps): void {
  platform.jobs.register(
    RUN_DUE_ERASURES_JOB,
    async () => {
      await runDueErasures(deps);
    },
    { maxAttempts: 3 },
  );
}

/** Creates or updates the cron schedule (idempotent). */
export async function scheduleErasureJobs(platform: Platform): Promise<void> {
  await platform.jobs.schedule(RUN_DUE_ERASURES_JOB, RUN_DUE_ERASURES_CRON);
}
