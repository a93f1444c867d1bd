import type { Platform } from '../../platform/index.ts';
import type { PrivacyDeps } from './privacy.deps.ts';

/** Placeholder: filled in by the privacy issue (issue 9). */
export function registerRetentionJobs(_platform: Platform, _deps: PrivacyDeps): void {}

/** Creates or updates the cron schedules (idempotent). */
export async function scheduleRetentionJobs(_platform: Platform): Promise<void> {}
