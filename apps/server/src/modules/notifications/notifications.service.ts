import {
  NOTIFICATION_TYPES,
  type NotificationChannel,
  type NotificationSettings,
  type NotificationType,
} from '@nano/contracts';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import { errors } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RealtimeHub } from '../realtime/realtime.types.ts';
import {
  MANDATORY_EMAIL_TYPES,
  NOTIFICATION_DEFAULT_CHANNELS,
  NOTIFICATIONS_PAGE_MAX,
} from './notifications.constants.ts';
import * as repo from './notifications.repository.ts';

export { NOTIFICATIONS_PAGE_MAX } from './notifications.constants.ts';

export interface NotificationView {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  read: boolean;
  createdAt: string;
}

export interface NotificationPage {
  items: NotificationView[];
  unread: number;
  /** The `before` of the next page; null on the last page. */
  nextBefore: string | null;
}

/** A new (or updated, when collapsed) notification, as the `notification.created` event carries it. */
export interface CreatedNotification {
  id: string;
  type: string;
  payload: Record<string, unknown>;
}

/** What `notify` takes. */
export interface NotifyInput {
  userId: string;
  type: NotificationType;
  payload: Record<string, unknown>;
  /**
   * Unread notifications of the user with the same key are one: a later `notify` updates the
   * unread one (new payload, `count` in the payload raised by one, moved to the top, its email due
   * again) instead of adding another. E.g. `chat:<sessionId>`: one notification per chat session.
   */
  collapseKey?: string;
}

export interface NotificationService {
  /**
   * Notifies a user as their settings say: nothing when the type is off; otherwise an in-app
   * notification, marked for the next batched email when the channel is `email`. Runs in the
   * caller's transaction when given (so it commits with the change) and then uses only that one.
   */
  notify(input: NotifyInput, db?: Kysely<Database>): Promise<void>;
  /** Marks the user's unread notifications with this collapse key as read (the chat they are about was read). */
  markReadByKey(userId: string, collapseKey: string): Promise<void>;
  /** The user's newest notifications (older than `before` when given) and the unread count. */
  list(
    userId: string,
    options: { unreadOnly: boolean; limit: number; before?: string | undefined },
  ): Promise<NotificationPage>;
  /** Marks the given (own) notifications, or all, as read. */
  markRead(userId: string, ids: string[] | 'all'): Promise<void>;
  /** The channel of every type, the default included. */
  settings(userId: string): Promise<NotificationSettings>;
  /** Changes the channels of the given types and returns all settings. */
  updateSettings(
    userId: string,
    settings: Partial<Record<NotificationType, NotificationChannel>>,
  ): Promise<NotificationSettings>;
}

/** The channel in effect: the user's choice, else the type's default (unknown types: in-app). */
export function effectiveChannel(type: string, chosen: NotificationChannel | undefined): NotificationChannel {
  if (MANDATORY_EMAIL_TYPES.has(type as NotificationType)) {
    return 'email';
  }
  return chosen ?? NOTIFICATION_DEFAULT_CHANNELS[type as NotificationType] ?? 'in_app';
}

function present(row: repo.NotificationRow): NotificationView {
  return {
    id: row.id,
    type: row.type,
    payload: (row.payload ?? {}) as Record<string, unknown>,
    read: row.read_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

/** What the notification centre uses. */
export interface NotificationServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  /**
   * Called after a notification was stored (or a collapsed one updated), e.g. to publish
   * `notification.created` to the user's open connections. When `notify` runs in the caller's
   * transaction, this runs before that commits. Its failures are ignored: the notification is
   * stored either way and the centre shows it on the next fetch.
   */
  onCreated?: (userId: string, notification: CreatedNotification) => void | Promise<void>;
}

/**
 * The notification centre of a process: with a real-time hub (a serving process) each new
 * notification also reaches the user's open tabs (`notification.created`, the bell updates live; one
 * made inside a caller's transaction may arrive a moment early); a separate worker passes none.
 */
export function createLiveNotificationService(
  deps: Pick<NotificationServiceDeps, 'db' | 'clock'>,
  realtime?: Pick<RealtimeHub, 'publishToUser'>,
): NotificationService {
  return createNotificationService({
    ...deps,
    ...(realtime
      ? {
          onCreated: (userId, notification) =>
            realtime.publishToUser(userId, { type: 'notification.created', notification }),
        }
      : {}),
  });
}

/** Creates the notification centre: notifications, their settings and the marks for batched emails. */
export function createNotificationService(deps: NotificationServiceDeps): NotificationService {
  async function settingsOf(userId: string): Promise<NotificationSettings> {
    const chosen = await repo.chosenChannels(deps.db, userId);
    return {
      items: NOTIFICATION_TYPES.map((type) => ({
        type,
        channel: effectiveChannel(type, chosen.get(type)),
        defaultChannel: NOTIFICATION_DEFAULT_CHANNELS[type],
        mandatory: MANDATORY_EMAIL_TYPES.has(type),
      })),
    };
  }

  return {
    async notify(input, db = deps.db) {
      const channel = effectiveChannel(input.type, await repo.chosenChannel(db, input.userId, input.type));
      if (channel === 'off') {
        return;
      }
      // The email itself is sent by the flush job once the batch window allows (notifications.jobs.ts):
      // the job queue cannot enqueue inside the caller's transaction.
      const row = {
        id: uuidv7(),
        user_id: input.userId,
        type: input.type,
        created_at: deps.clock.now(),
        email_status: channel === 'email' ? ('pending' as const) : null,
      };
      let created: CreatedNotification;
      if (input.collapseKey) {
        const payload = { ...input.payload, count: 1 };
        const stored = await repo.upsertCollapsedNotification(db, {
          ...row,
          payload: JSON.stringify(payload),
          collapse_key: input.collapseKey,
        });
        created = {
          id: stored.id,
          type: input.type,
          payload: (stored.payload ?? payload) as Record<string, unknown>,
        };
      } else {
        await repo.insertNotification(db, { ...row, payload: JSON.stringify(input.payload) });
        created = { id: row.id, type: input.type, payload: input.payload };
      }
      if (deps.onCreated) {
        try {
          await deps.onCreated(input.userId, created);
        } catch {
          // Only a hint to open clients: the stored notification is what counts.
        }
      }
    },

    async markReadByKey(userId, collapseKey) {
      await repo.markReadByCollapseKey(deps.db, userId, collapseKey, deps.clock.now());
    },

    async list(userId, options) {
      let after: repo.NotificationCursor | undefined;
      if (options.before) {
        after = await repo.cursorOf(deps.db, userId, options.before);
        if (!after) {
          throw errors.field('query.before', 'unknown_cursor');
        }
      }
      const limit = Math.min(options.limit, NOTIFICATIONS_PAGE_MAX);
      // One more than the page shows tells whether another page follows.
      const rows = await repo.listNotifications(deps.db, userId, {
        unreadOnly: options.unreadOnly,
        limit: limit + 1,
        after,
      });
      const page = rows.slice(0, limit);
      return {
        items: page.map(present),
        unread: await repo.countUnread(deps.db, userId),
        nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    async markRead(userId, ids) {
      if (ids !== 'all' && ids.length === 0) {
        return;
      }
      await repo.markRead(deps.db, userId, ids, deps.clock.now());
    },

    settings: settingsOf,

    async updateSettings(userId, settings) {
      const entries = Object.entries(settings).flatMap(([type, channel]) =>
        channel ? [{ type, channel }] : [],
      );
      await repo.upsertSettings(deps.db, userId, entries, deps.clock.now());
      return settingsOf(userId);
    },
  };
}
