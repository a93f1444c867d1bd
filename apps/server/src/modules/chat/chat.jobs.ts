import type { Platform } from '../../platform/index.ts';
import type { RealtimeHub } from '../realtime/realtime.types.ts';
import { archiveIdleChats } from './chat.archive.ts';
import { CHAT_ARCHIVE_CRON, CHAT_ARCHIVE_JOB } from './chat.constants.ts';

/**
 * Registers the chat's daily archive job. `realtime` is the hub of a serving process (its clients
 * hear `session.updated` at once); a separate worker passes none.
 */
export function registerChatJobs(platform: Platform, realtime?: Pick<RealtimeHub, 'publishToUser'>): void {
  platform.jobs.register(
    CHAT_ARCHIVE_JOB,
    async () => {
      await archiveIdleChats({ db: platform.database.db, clock: platform.clock, realtime });
    },
    { maxAttempts: 3 },
  );
}

/** Schedules the archive job daily (idempotent; every instance may call it at start). */
export async function scheduleChatJobs(platform: Platform): Promise<void> {
  await platform.jobs.schedule(CHAT_ARCHIVE_JOB, CHAT_ARCHIVE_CRON);
}
