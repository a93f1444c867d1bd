import type { Platform } from '../../platform/index.ts';
import type { PrivacyDeps } from './privacy.deps.ts';

/** Placeholder: filled in by the privacy issue (issue 9). */
export function registerErasureJobs(_platform: Platform, _deps: PrivacyDeps): void {}

/** Creates or updates the cron schedules (idempotent). */
export async function scheduleErasureJobs(_platform: Platform): Promise<void> {}
