import type { NotificationChannel } from '@nano/contracts';
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { NotificationEmailStatus, NotificationsTable } from './notifications.tables.ts';

type Db = Kysely<Database>;
export type NotificationRow = Selectable<NotificationsTable>;

export async function insertNotification(db: Db, row: Insertable<NotificationsTable>): Promise<void> {
  await db.insertInto('notifications').values(row).execute();
}

/**
 * Inserts a notification with a collapse key, or, when the user has an unread one with the same
 * key, updates that one instead (one statement, so concurrent calls cannot make two): its payload
 * becomes the new one with `count` one higher, it moves to the top (`created_at`), and its email is
 * due again when the channel is email. Returns the stored notification's id and payload.
 */
export async function upsertCollapsedNotification(
  db: Db,
  row: Insertable<NotificationsTable> & { collapse_key: string },
): Promise<{ id: string; payload: unknown }> {
  return db
    .insertInto('notifications')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'collapse_key'])
        .where('read_at', 'is', null)
        .where('collapse_key', 'is not', null)
        .doUpdateSet({
          payload: sql<string>`excluded.payload || jsonb_build_object('count', coalesce((notifications.payload->>'count')::int, 1) + 1)`,
          created_at: sql<Date>`excluded.created_at`,
          email_status: sql<NotificationEmailStatus | null>`excluded.email_status`,
          email_sent_at: null,
        }),
    )
    .returning(['id', 'payload'])
    .executeTakeFirstOrThrow();
}

/** Marks the user's unread notifications with this collapse key as read (e.g. the chat was read). */
export async function markReadByCollapseKey(
  db: Db,
  userId: string,
  collapseKey: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('collapse_key', '=', collapseKey)
    .where('read_at', 'is', null)
    .execute();
}

/** The channel the user chose for `type`; undefined when they kept the default. */
export async function chosenChannel(
  db: Db,
  userId: string,
  type: string,
): Promise<NotificationChannel | undefined> {
  const row = await db
    .selectFrom('notification_settings')
    .select('channel')
    .where('user_id', '=', userId)
    .where('type', '=', type)
    .executeTakeFirst();
  return row?.channel;
}

/** Every channel the user chose, by type. */
export async function chosenChannels(db: Db, userId: string): Promise<Map<string, NotificationChannel>> {
  const rows = await db
    .selectFrom('notification_settings')
    .select(['type', 'channel'])
    .where('user_id', '=', userId)
    .execute();
  return new Map(rows.map((row) => [row.type, row.channel]));
}

/** Stores the user's choices (one statement; the rest of their settings stay). */
export async function upsertSettings(
  db: Db,
  userId: string,
  settings: Array<{ type: string; channel: NotificationChannel }>,
  now: Date,
): Promise<void> {
  if (settings.length === 0) {
    return;
  }
  await db
    .insertInto('notification_settings')
    .values(settings.map((s) => ({ user_id: userId, type: s.type, channel: s.channel, updated_at: now })))
    .onConflict((oc) =>
      oc.columns(['user_id', 'type']).doUpdateSet((eb) => ({
        channel: eb.ref('excluded.channel'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .execute();
}

/** Where a page of notifications continues: the position of the last item of the page before. */
export interface NotificationCursor {
  id: string;
  createdAt: Date;
}

/** The position of one of the user's notifications, or undefined when they have none with this id. */
export async function cursorOf(db: Db, userId: string, id: string): Promise<NotificationCursor | undefined> {
  const row = await db
    .selectFrom('notifications')
    .select(['id', 'created_at'])
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { id: row.id, createdAt: row.created_at } : undefined;
}

/** Up to `limit` of the user's notifications, newest first, after `cursor` when given. */
export function listNotifications(
  db: Db,
  userId: string,
  options: { unreadOnly: boolean; limit: number; after?: NotificationCursor | undefined },
): Promise<NotificationRow[]> {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (options.unreadOnly) {
    query = query.where('read_at', 'is', null);
  }
  const after = options.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    );
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the given (own, unread) notifications, or all, as read. */
export async function markRead(db: Db, userId: string, ids: string[] | 'all', now: Date): Promise<void> {
  let query = db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') {
    query = query.where('id', 'in', ids);
  }
  await query.execute();
}

/**
 * Users and types with pending emails whose batch window has passed: no email of that type since
 * `windowStart`.
 */
export function dueEmailGroups(
  db: Db,
  windowStart: Date,
  limit: number,
): Promise<Array<{ user_id: string; type: string }>> {
  return db
    .selectFrom('notifications')
    .leftJoin('notification_email_log as log', (join) =>
      join.onRef('log.user_id', '=', 'notifications.user_id').onRef('log.type', '=', 'notifications.type'),
    )
    .select(['notifications.user_id', 'notifications.type'])
    .distinct()
    .where('notifications.email_status', '=', 'pending')
    .where((eb) => eb.or([eb('log.last_sent_at', 'is', null), eb('log.last_sent_at', '<=', windowStart)]))
    .limit(limit)
    .execute();
}

/** When the user last got an email of `type`. */
export async function lastEmailAt(db: Db, userId: string, type: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('notification_email_log')
    .select('last_sent_at')
    .where('user_id', '=', userId)
    .where('type', '=', type)
    .executeTakeFirst();
  return row?.last_sent_at;
}

/** The oldest `limit` notifications of the user and type that wait for an email. */
export function pendingEmails(
  db: Db,
  userId: string,
  type: string,
  limit: number,
): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .where('type', '=', type)
    .where('email_status', '=', 'pending')
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
}

/** Settles pending emails (only rows still pending, so a concurrent run cannot flip them back). */
export async function settleEmails(
  db: Db,
  ids: string[],
  status: Exclude<NotificationEmailStatus, 'pending'>,
  now: Date,
): Promise<void> {
  if (ids.length === 0) {
    return;
  }
  await db
    .updateTable('notifications')
    .set({ email_status: status, email_sent_at: status === 'sent' ? now : null })
    .where('id', 'in', ids)
    .where('email_status', '=', 'pending')
    .execute();
}

/** Starts the user's batch window for `type` at `now`. */
export async function recordEmailSent(db: Db, userId: string, type: string, now: Date): Promise<void> {
  await db
    .insertInto('notification_email_log')
    .values({ user_id: userId, type, last_sent_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'type']).doUpdateSet({ last_sent_at: now }))
    .execute();
}

/** Who may get notification emails: active accounts with a verified address. */
export interface EmailRecipient {
  email: string;
  displayName: string;
  locale: 'de' | 'en';
}

export async function emailRecipient(
  db: Db,
  userId: string,
  /** Legal notices (a statement of reasons for a suspension) also reach a suspended account. */
  allowSuspended = false,
): Promise<EmailRecipient | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['email', 'display_name', 'locale'])
    .where('id', '=', userId)
    .where('status', 'in', allowSuspended ? ['active', 'suspended'] : ['active'])
    .where('email_verified_at', 'is not', null)
    .where('email', 'is not', null)
    .executeTakeFirst();
  return row?.email ? { email: row.email, displayName: row.display_name, locale: row.locale } : undefined;
}
