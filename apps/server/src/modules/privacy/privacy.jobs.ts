import type { AppConfig } from '../../config.ts';
import type { Platform } from '../../platform/index.ts';
import type { RealtimeHub } from '../realtime/realtime.types.ts';
import { registerErasureJobs, scheduleErasureJobs } from './erasure.jobs.ts';
import { registerExportsJobs, scheduleExportsJobs } from './exports.jobs.ts';
import { privacyDepsFromPlatform } from './privacy.deps.ts';
import { registerRetentionJobs, scheduleRetentionJobs } from './retention.jobs.ts';

/** Registers the privacy module's jobs: export builds, scheduled erasures, retention. */
export function registerPrivacyJobs(
  platform: Platform,
  config: Pick<AppConfig, 'publicUrl' | 'sessionSecret' | 'dataEncryptionKeys'>,
  realtime?: Pick<RealtimeHub, 'publishToUser'>,
): void {
  const deps = privacyDepsFromPlatform(platform, config, realtime);
  registerExportsJobs(platform, deps);
  registerErasureJobs(platform, deps);
  registerRetentionJobs(platform, deps);
}

/** Creates or updates the privacy module's cron schedules (idempotent). */
export async function schedulePrivacyJobs(platform: Platform): Promise<void> {
  await scheduleExportsJobs(platform);
  await scheduleErasureJobs(platform);
  await scheduleRetentionJobs(platform);
}
