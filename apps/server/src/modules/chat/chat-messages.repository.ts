import type { ChatStatus } from '@nano/contracts';
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ChatMessageRow, ChatMessagesTable } from './chat.tables.ts';

type Db = Kysely<Database>;

/** The messages a user may read in a session: every visible one and their own of any status. */
function readableBy(db: Db, viewerId: string) {
  return db
    .selectFrom('chat_messages')
    .selectAll()
    .where((eb) => eb.or([eb('status', '=', 'visible'), eb('sender_id', '=', viewerId)]));
}

export function findByClientId(
  db: Db,
  senderId: string,
  clientId: string,
): Promise<ChatMessageRow | undefined> {
  return db
    .selectFrom('chat_messages')
    .selectAll()
    .where('sender_id', '=', senderId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

/** Stores a message; undefined when the sender already stored one with this client id. */
export function insertMessage(
  db: Db,
  row: Insertable<ChatMessagesTable>,
): Promise<ChatMessageRow | undefined> {
  return db
    .insertInto('chat_messages')
    .values(row)
    .onConflict((oc) => oc.columns(['sender_id', 'client_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function findMessage(db: Db, id: string): Promise<ChatMessageRow | undefined> {
  return db.selectFrom('chat_messages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The message with its row locked until the transaction ends (one moderator decision at a time). */
export function lockMessage(db: Db, id: string): Promise<ChatMessageRow | undefined> {
  return db.selectFrom('chat_messages').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateMessage(
  db: Db,
  id: string,
  patch: Updateable<ChatMessagesTable>,
): Promise<ChatMessageRow> {
  return db
    .updateTable('chat_messages')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Up to `limit` messages of a session the viewer may read, newest first: older than `before`,
 * and newer than `after` (then the ones right after it, so polling never skips any).
 */
export async function listMessages(
  db: Db,
  chatId: string,
  viewerId: string,
  page: { before?: string | undefined; after?: string | undefined; limit: number },
): Promise<ChatMessageRow[]> {
  let query = readableBy(db, viewerId).where('chat_id', '=', chatId);
  if (page.before) {
    query = query.where('id', '<', page.before);
  }
  if (page.after) {
    const rows = await query.where('id', '>', page.after).orderBy('id', 'asc').limit(page.limit).execute();
    return rows.reverse();
  }
  return query.orderBy('id', 'desc').limit(page.limit).execute();
}

/** The newest message the viewer may read in each of these sessions. */
export async function lastMessagesOf(
  db: Db,
  viewerId: string,
  chatIds: string[],
): Promise<Map<string, ChatMessageRow>> {
  if (chatIds.length === 0) {
    return new Map();
  }
  const rows = await readableBy(db, viewerId)
    .distinctOn('chat_id')
    .where('chat_id', 'in', chatIds)
    .orderBy('chat_id')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((row) => [row.chat_id, row]));
}

/**
 * What a reconnecting client missed: messages newer than `afterId` in every session of the user
 * that they may read, oldest first, at most `limit`.
 */
export function missedMessages(
  db: Db,
  userId: string,
  afterId: string,
  limit: number,
): Promise<ChatMessageRow[]> {
  return db
    .selectFrom('chat_participants as p')
    .innerJoin('chat_messages as m', 'm.chat_id', 'p.chat_id')
    .selectAll('m')
    .where('p.user_id', '=', userId)
    .where('m.id', '>', afterId)
    .where((eb) => eb.or([eb('m.status', '=', 'visible'), eb('m.sender_id', '=', userId)]))
    .orderBy('m.id', 'asc')
    .limit(limit)
    .execute();
}

/**
 * The newest `limit` messages of a session for the viewer's transcript, oldest first: every
 * visible message and the viewer's own of any status (the other party's held or rejected ones
 * never), and whether older ones were left out.
 */
export async function transcriptMessages(
  db: Db,
  chatId: string,
  viewerId: string,
  limit: number,
): Promise<{ rows: ChatMessageRow[]; truncated: boolean }> {
  const rows = await readableBy(db, viewerId)
    .where('chat_id', '=', chatId)
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return { rows: rows.slice(0, limit).reverse(), truncated: rows.length > limit };
}

/** A page of held messages, the longest waiting first, and their number. */
export async function heldMessages(
  db: Db,
  offset: number,
  limit: number,
): Promise<{ rows: ChatMessageRow[]; total: number }> {
  const rows = await db
    .selectFrom('chat_messages')
    .selectAll()
    .where('status', '=', 'held')
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .offset(offset)
    .limit(limit)
    .execute();
  const count = await db
    .selectFrom('chat_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'held')
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** These messages, in the order of `ids`. */
export async function messagesByIds(db: Db, ids: string[]): Promise<ChatMessageRow[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db.selectFrom('chat_messages').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)).filter((row): row is ChatMessageRow => row !== undefined);
}

/** Moves the session's newest visible message time forward to `at` (never back). */
export async function touchLastMessage(db: Db, chatId: string, at: Date): Promise<void> {
  await db
    .updateTable('chat_sessions')
    .set({ last_message_at: sql<Date>`greatest(last_message_at, ${at})` })
    .where('id', '=', chatId)
    .execute();
}

/** What sending needs to know, in one query: the session's state for a participant, their account, a repeat. */
export interface SenderContext {
  status: ChatStatus;
  other_id: string;
  account_status: string | null;
  /** The sender's message with this client id, if they sent one already (in any session). */
  repeated_id: string | null;
}

/** The sending context of `userId` in `chatId`; undefined when they are not one of its parties. */
export function senderContext(
  db: Db,
  userId: string,
  chatId: string,
  clientId: string,
): Promise<SenderContext | undefined> {
  return db
    .selectFrom('chat_participants as me')
    .innerJoin('chat_sessions as s', 's.id', 'me.chat_id')
    .innerJoin('chat_participants as other', (join) =>
      join.onRef('other.chat_id', '=', 'me.chat_id').onRef('other.user_id', '<>', 'me.user_id'),
    )
    .select((eb) => [
      's.status',
      'other.user_id as other_id',
      eb
        .selectFrom('users')
        .select('users.status')
        .whereRef('users.id', '=', 'me.user_id')
        .as('account_status'),
      eb
        .selectFrom('chat_messages as m')
        .select('m.id')
        .where('m.sender_id', '=', userId)
        .where('m.client_id', '=', clientId)
        .limit(1)
        .as('repeated_id'),
    ])
    .where('me.user_id', '=', userId)
    .where('me.chat_id', '=', chatId)
    .executeTakeFirst();
}

/**
 * Locks the session and records a new message in it (active again, last activity, and the last
 * visible message time when `visible`), in one statement. Returns the status it had before, or
 * undefined when it is disabled (or gone): then nothing changed and nothing may be sent.
 */
export async function touchSessionForMessage(
  db: Db,
  chatId: string,
  now: Date,
  visible: boolean,
): Promise<ChatStatus | undefined> {
  const result = await sql<{ previous_status: ChatStatus }>`
    WITH old AS (SELECT id, status FROM chat_sessions WHERE id = ${chatId} FOR UPDATE)
    UPDATE chat_sessions AS s
    SET status = 'active',
        last_activity_at = ${now},
        updated_at = ${now},
        last_message_at = CASE WHEN ${visible} THEN ${now}::timestamptz ELSE s.last_message_at END
    FROM old
    WHERE s.id = old.id AND old.status <> 'disabled'
    RETURNING old.status AS previous_status`.execute(db);
  return result.rows[0]?.previous_status;
}

/**
 * Up to `count` messages of a session right before and right after one message (every status),
 * oldest first, the message itself included: the context a moderator reads a flagged message in.
 */
export async function messagesAround(
  db: Db,
  chatId: string,
  messageId: string,
  count: number,
): Promise<ChatMessageRow[]> {
  const before = await db
    .selectFrom('chat_messages')
    .selectAll()
    .where('chat_id', '=', chatId)
    .where('id', '<', messageId)
    .orderBy('id', 'desc')
    .limit(count)
    .execute();
  const fromIt = await db
    .selectFrom('chat_messages')
    .selectAll()
    .where('chat_id', '=', chatId)
    .where('id', '>=', messageId)
    .orderBy('id', 'asc')
    .limit(count + 1)
    .execute();
  return [...before.reverse(), ...fromIt];
}
