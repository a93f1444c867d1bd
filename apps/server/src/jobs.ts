import type { AppConfig } from './config.ts';
import { registerAnalyticsJobs, scheduleAnalyticsJobs } from './modules/analytics/analytics.jobs.ts';
import { generateThumbnail } from './modules/catalog/thumbnails.ts';
import { registerChatJobs, scheduleChatJobs } from './modules/chat/chat.jobs.ts';
import {
  registerAccountStatusJobs,
  scheduleAccountStatusJobs,
} from './modules/identity/account-status.jobs.ts';
import { registerTakedownJobs, scheduleTakedownJobs } from './modules/moderation/takedowns.jobs.ts';
import {
  registerNotificationJobs,
  scheduleNotificationJobs,
} from './modules/notifications/notifications.jobs.ts';
import { registerPrivacyJobs, schedulePrivacyJobs } from './modules/privacy/privacy.jobs.ts';
import type { RealtimeHub } from './modules/realtime/realtime.types.ts';
import { indexVersionContent } from './modules/search/content-text.ts';
import { SAVED_SEARCH_ALERTS_CRON, sendSavedSearchAlerts } from './modules/search/saved-search-alerts.ts';
import type { Platform } from './platform/index.ts';

/**
 * Registers every module's background handlers on the platform's queue. Both `serve` (via
 * buildApp) and `worker` call this, so whichever process runs jobs knows all of them. `serve`
 * passes its real-time hub, so jobs can tell connected clients about what they changed.
 */
export function registerJobs(
  platform: Platform,
  config: Pick<AppConfig, 'publicUrl' | 'sessionSecret' | 'dataEncryptionKeys'>,
  realtime?: Pick<RealtimeHub, 'publishToUser'>,
): void {
  const base = { db: platform.database.db, storage: platform.storage, clock: platform.clock };
  platform.jobs.register<{ nanoId: string }>(
    'catalog.thumbnail',
    async (payload) => generateThumbnail(base, payload.nanoId),
    { maxAttempts: 3 },
  );
  platform.jobs.register<{ versionId: string }>(
    'search.index_content',
    async (payload) => indexVersionContent(base, payload.versionId),
    { maxAttempts: 3 },
  );
  platform.jobs.register('search.saved_search_alerts', async () =>
    sendSavedSearchAlerts({
      ...base,
      mailer: platform.mailer,
      publicUrl: config.publicUrl,
      secret: config.sessionSecret,
    }),
  );
  registerNotificationJobs(platform, config);
  registerAnalyticsJobs(platform);
  registerChatJobs(platform, realtime);
  registerTakedownJobs(platform, config, realtime);
  registerAccountStatusJobs(platform);
  registerPrivacyJobs(platform, config, realtime);
}

/** Creates or updates the cron schedules (idempotent; every instance may call it at start). */
export async function scheduleJobs(platform: Platform): Promise<void> {
  await platform.jobs.schedule('search.saved_search_alerts', SAVED_SEARCH_ALERTS_CRON);
  await scheduleAnalyticsJobs(platform);
  await scheduleNotificationJobs(platform);
  await scheduleChatJobs(platform);
  await scheduleTakedownJobs(platform);
  await scheduleAccountStatusJobs(platform);
  await schedulePrivacyJobs(platform);
}
