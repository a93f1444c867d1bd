import { NOTIFICATION_LIMITS, type NotificationType } from '@nano/contracts';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';

/** Largest page of notifications. */
export const NOTIFICATIONS_PAGE_MAX = NOTIFICATION_LIMITS.pageMax;

export interface NotificationView {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  read: boolean;
  createdAt: string;
}

export interface NotificationService {
  /** Stores an in-app notification, in the caller's transaction when given (so it commits with the change). */
  notify(
    input: { userId: string; type: NotificationType; payload: Record<string, unknown> },
    db?: Kysely<Database>,
  ): Promise<void>;
  /** The user's newest notifications and the unread count. */
  list(
    userId: string,
    options: { unreadOnly: boolean; limit: number },
  ): Promise<{ items: NotificationView[]; unread: number }>;
  /** Marks the given (own) notifications, or all, as read. */
  markRead(userId: string, ids: string[] | 'all'): Promise<void>;
}

/** Creates the notification centre's core (settings and mail preferences come with the feedback capability). */
export function createNotificationService(deps: { db: Kysely<Database>; clock: Clock }): NotificationService {
  return {
    async notify(input, db = deps.db) {
      await db
        .insertInto('notifications')
        .values({
          id: uuidv7(),
          user_id: input.userId,
          type: input.type,
          payload: JSON.stringify(input.payload),
          created_at: deps.clock.now(),
        })
        .execute();
    },
    async list(userId, options) {
      let query = deps.db
        .selectFrom('notifications')
        .select(['id', 'type', 'payload', 'read_at', 'created_at'])
        .where('user_id', '=', userId);
      if (options.unreadOnly) {
        query = query.where('read_at', 'is', null);
      }
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(Math.min(options.limit, NOTIFICATIONS_PAGE_MAX))
        .execute();
      const unread = await deps.db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return {
        items: rows.map((row) => ({
          id: row.id,
          type: row.type,
          payload: (row.payload ?? {}) as Record<string, unknown>,
          read: row.read_at !== null,
          createdAt: row.created_at.toISOString(),
        })),
        unread: Number(unread.n),
      };
    },
    async markRead(userId, ids) {
      let query = deps.db
        .updateTable('notifications')
        .set({ read_at: deps.clock.now() })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null);
      if (ids !== 'all') {
        if (ids.length === 0) {
          return;
        }
        query = query.where('id', 'in', ids);
      }
      await query.execute();
    },
  };
}
