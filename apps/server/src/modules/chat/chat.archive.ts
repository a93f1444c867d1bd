import { CHAT_ARCHIVE_AFTER_MS, CHAT_ARCHIVE_BATCH } from './chat.constants.ts';
import { publishSessionUpdated } from './chat.delivery.ts';
import type { ChatDeps } from './chat.deps.ts';
import * as repo from './chat.repository.ts';

/** What the archive job needs: the database, the clock and, where there is one, the real-time hub. */
export type ChatArchiveDeps = Pick<ChatDeps, 'db' | 'clock'> & {
  realtime?: Pick<ChatDeps['realtime'], 'publishToUser'> | undefined;
};

/**
 * Job `chat.archive` (daily): every active session without a message (of any status) for
 * `CHAT_LIMITS.archiveAfterDays` days becomes archived — read-only in the inbox's "Archiv" until a
 * new message from either side reactivates it. Batches until none is left; running it again
 * changes nothing. Both parties get `session.updated` when a hub is at hand (a separate worker
 * process has none; their clients see the change on the next fetch).
 */
export async function archiveIdleChats(deps: ChatArchiveDeps): Promise<number> {
  const now = deps.clock.now();
  const before = new Date(now.getTime() - CHAT_ARCHIVE_AFTER_MS);
  let archived = 0;
  for (;;) {
    const batch = await repo.archiveIdleSessions(deps.db, before, now, CHAT_ARCHIVE_BATCH);
    archived += batch.length;
    const realtime = deps.realtime;
    if (realtime) {
      for (const session of batch) {
        await publishSessionUpdated({ realtime }, session.id, [session.consumer_id, session.creator_id]);
      }
    }
    if (batch.length < CHAT_ARCHIVE_BATCH) {
      return archived;
    }
  }
}
