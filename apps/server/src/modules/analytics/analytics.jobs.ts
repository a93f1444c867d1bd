import type { Platform } from '../../platform/index.ts';

/** Registers the analytics jobs (issue 6; being built). */
export function registerAnalyticsJobs(_platform: Platform): void {}

/** Creates the analytics cron schedules (issue 6; being built). */
export async function scheduleAnalyticsJobs(_platform: Platform): Promise<void> {}
