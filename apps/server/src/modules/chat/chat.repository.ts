import type { ChatStatus, NanoStatus } from '@nano/contracts';
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ChatParticipantsTable, ChatSessionRow, ChatSessionsTable, ChatTables } from './chat.tables.ts';

type Db = Kysely<Database>;

/** The smallest UUID: "nothing read yet" compares below every message id. */
const NO_MESSAGE = '00000000-0000-0000-0000-000000000000';

/** What opening a chat needs to know about a Nano. */
export interface ChatNano {
  id: string;
  creator_id: string;
  status: NanoStatus;
  title: string;
}

/** A session as one participant sees it, with the other party and the Nano. */
export interface SessionViewRow {
  id: string;
  nano_id: string;
  status: ChatStatus;
  disabled_reason: string | null;
  last_message_at: Date | null;
  created_at: Date;
  my_role: 'consumer' | 'creator';
  muted: boolean;
  my_last_read: string | null;
  other_id: string;
  other_last_read: string | null;
  nano_title: string;
  nano_status: NanoStatus;
  nano_thumbnail_key: string | null;
}

export async function findNano(db: Db, nanoId: string): Promise<ChatNano | undefined> {
  const row = await db
    .selectFrom('nanos')
    .select(['id', 'creator_id', 'status', 'title'])
    .where('id', '=', nanoId)
    .executeTakeFirst();
  return row ? { ...row, status: row.status as NanoStatus } : undefined;
}

/** Stores a new session; undefined when the trio already has one (it wins, whoever came first). */
export function insertSession(
  db: Db,
  row: Insertable<ChatSessionsTable>,
): Promise<ChatSessionRow | undefined> {
  return db
    .insertInto('chat_sessions')
    .values(row)
    .onConflict((oc) => oc.columns(['nano_id', 'consumer_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function insertParticipants(
  db: Db,
  rows: Array<Insertable<ChatParticipantsTable>>,
): Promise<void> {
  await db.insertInto('chat_participants').values(rows).execute();
}

export function findSessionByTrio(
  db: Db,
  nanoId: string,
  consumerId: string,
): Promise<ChatSessionRow | undefined> {
  return db
    .selectFrom('chat_sessions')
    .selectAll()
    .where('nano_id', '=', nanoId)
    .where('consumer_id', '=', consumerId)
    .executeTakeFirst();
}

/** The session with its row locked until the transaction ends (one writer of its status at a time). */
export function lockSession(db: Db, chatId: string): Promise<ChatSessionRow | undefined> {
  return db.selectFrom('chat_sessions').selectAll().where('id', '=', chatId).forUpdate().executeTakeFirst();
}

export function findSession(db: Db, chatId: string): Promise<ChatSessionRow | undefined> {
  return db.selectFrom('chat_sessions').selectAll().where('id', '=', chatId).executeTakeFirst();
}

export async function updateSession(
  db: Db,
  chatId: string,
  patch: Updateable<ChatTables['chat_sessions']>,
): Promise<void> {
  await db.updateTable('chat_sessions').set(patch).where('id', '=', chatId).execute();
}

/** The sessions of a user as they see them (the base of the inbox and of one session). */
function sessionViews(db: Db, userId: string) {
  return db
    .selectFrom('chat_participants as me')
    .innerJoin('chat_sessions as s', 's.id', 'me.chat_id')
    .innerJoin('chat_participants as other', (join) =>
      join.onRef('other.chat_id', '=', 'me.chat_id').onRef('other.user_id', '<>', 'me.user_id'),
    )
    .innerJoin('nanos as n', 'n.id', 's.nano_id')
    .select([
      's.id',
      's.nano_id',
      's.status',
      's.disabled_reason',
      's.last_message_at',
      's.created_at',
      'me.role as my_role',
      'me.muted',
      'me.last_read_message_id as my_last_read',
      'other.user_id as other_id',
      'other.last_read_message_id as other_last_read',
      'n.title as nano_title',
      'n.status as nano_status',
      'n.thumbnail_key as nano_thumbnail_key',
    ])
    .where('me.user_id', '=', userId);
}

/** One session as the user sees it; undefined when they are not a participant. */
export async function findSessionView(
  db: Db,
  userId: string,
  chatId: string,
): Promise<SessionViewRow | undefined> {
  const row = await sessionViews(db, userId).where('s.id', '=', chatId).executeTakeFirst();
  return row as SessionViewRow | undefined;
}

/** LIKE pattern characters taken literally. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The user's sessions in these states, the most recent conversation first; with `q`, only those
 * whose other party's name or username or whose Nano's title contains it (case and accents ignored).
 */
export async function listSessionViews(
  db: Db,
  userId: string,
  filter: { statuses: ChatStatus[]; q?: string | undefined; limit: number },
): Promise<SessionViewRow[]> {
  let query = sessionViews(db, userId).where('s.status', 'in', filter.statuses);
  const q = filter.q;
  if (q) {
    const pattern = sql<string>`'%' || search_fold(${escapeLike(q)}) || '%'`;
    query = query
      .innerJoin('users as ou', 'ou.id', 'other.user_id')
      .where((eb) =>
        eb.or([
          eb(sql`search_fold(ou.display_name)`, 'like', pattern),
          eb(sql`search_fold(coalesce(ou.username, ''))`, 'like', pattern),
          eb(sql`search_fold(n.title)`, 'like', pattern),
        ]),
      );
  }
  const rows = await query
    .orderBy(sql`coalesce(s.last_message_at, s.created_at)`, 'desc')
    .orderBy('s.id', 'desc')
    .limit(filter.limit)
    .execute();
  return rows as SessionViewRow[];
}

/**
 * Per session, the number of visible messages of others after the user's read marker. Without
 * `chatIds`, over every session of the user (the badge).
 */
export async function unreadCounts(db: Db, userId: string, chatIds?: string[]): Promise<Map<string, number>> {
  if (chatIds && chatIds.length === 0) {
    return new Map();
  }
  let query = db
    .selectFrom('chat_participants as p')
    .innerJoin('chat_messages as m', 'm.chat_id', 'p.chat_id')
    .select(['p.chat_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('p.user_id', '=', userId)
    .where('m.status', '=', 'visible')
    .where(sql<boolean>`m.sender_id is distinct from ${userId}`)
    .where(sql<boolean>`m.id > coalesce(p.last_read_message_id, ${NO_MESSAGE}::uuid)`)
    .groupBy('p.chat_id');
  if (chatIds) {
    query = query.where('p.chat_id', 'in', chatIds);
  }
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.chat_id, Number(row.n)]));
}

/**
 * Per session, the newest of the user's own messages that the other party has read (for the read
 * ticks): the user's newest message at or before the other's read marker.
 */
export async function readByOther(db: Db, userId: string, chatIds: string[]): Promise<Map<string, string>> {
  if (chatIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('chat_participants as other')
    .innerJoin('chat_messages as m', 'm.chat_id', 'other.chat_id')
    // There is no max() of uuid: the first row per session in descending id order instead.
    .distinctOn('other.chat_id')
    .select(['other.chat_id', 'm.id'])
    .where('other.chat_id', 'in', chatIds)
    .where('other.user_id', '<>', userId)
    .where('m.sender_id', '=', userId)
    .whereRef('m.id', '<=', 'other.last_read_message_id')
    .orderBy('other.chat_id')
    .orderBy('m.id', 'desc')
    .execute();
  return new Map(rows.map((row) => [row.chat_id, row.id]));
}

export async function updateParticipant(
  db: Db,
  chatId: string,
  userId: string,
  patch: Updateable<ChatTables['chat_participants']>,
): Promise<void> {
  await db
    .updateTable('chat_participants')
    .set(patch)
    .where('chat_id', '=', chatId)
    .where('user_id', '=', userId)
    .execute();
}

/** Moves the user's read marker to `upTo` unless it is already at or past it; true when it moved. */
export async function advanceReadMarker(
  db: Db,
  chatId: string,
  userId: string,
  upTo: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .updateTable('chat_participants')
    .set({ last_read_message_id: upTo, last_read_at: now })
    .where('chat_id', '=', chatId)
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_read_message_id', 'is', null), eb('last_read_message_id', '<', upTo)]))
    .returning('user_id')
    .execute();
  return rows.length > 0;
}

/** The participants of a session (both parties) with their mute switch. */
/** Which of `userIds` share a session with `userId` (whose presence the user may watch). */
export async function partnersAmong(db: Db, userId: string, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('chat_participants as me')
    .innerJoin('chat_participants as other', (join) =>
      join.onRef('other.chat_id', '=', 'me.chat_id').onRef('other.user_id', '<>', 'me.user_id'),
    )
    .select('other.user_id')
    .distinct()
    .where('me.user_id', '=', userId)
    .where('other.user_id', 'in', [...userIds])
    .execute();
  return rows.map((row) => row.user_id);
}

export function participantsOf(
  db: Db,
  chatId: string,
): Promise<Array<{ user_id: string; role: 'consumer' | 'creator'; muted: boolean }>> {
  return db
    .selectFrom('chat_participants')
    .select(['user_id', 'role', 'muted'])
    .where('chat_id', '=', chatId)
    .execute();
}

/**
 * Archives up to `limit` active sessions whose last activity is before `before`; returns them
 * with their parties. Already archived sessions are not touched, so a repeated run changes nothing.
 */
export function archiveIdleSessions(
  db: Db,
  before: Date,
  now: Date,
  limit: number,
): Promise<Array<{ id: string; consumer_id: string; creator_id: string }>> {
  return db
    .updateTable('chat_sessions')
    .set({ status: 'archived', updated_at: now })
    .where(
      'id',
      'in',
      db
        .selectFrom('chat_sessions')
        .select('id')
        .where('status', '=', 'active')
        .where('last_activity_at', '<', before)
        .orderBy('last_activity_at', 'asc')
        .limit(limit),
    )
    .where('status', '=', 'active')
    .returning(['id', 'consumer_id', 'creator_id'])
    .execute();
}

/** Per session id: its Nano's title and both parties, for the moderation lists. */
export async function sessionSummaries(
  db: Db,
  chatIds: string[],
): Promise<Map<string, { status: ChatStatus; nano_title: string; consumer_id: string; creator_id: string }>> {
  if (chatIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('chat_sessions as s')
    .innerJoin('nanos as n', 'n.id', 's.nano_id')
    .select(['s.id', 's.status', 's.consumer_id', 's.creator_id', 'n.title as nano_title'])
    .where('s.id', 'in', chatIds)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** The account status of a user (a suspended sender is refused even on a socket opened before). */
export async function accountStatus(db: Db, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('status').where('id', '=', userId).executeTakeFirst();
  return row?.status;
}
