import type { NanoStatus, TakedownStatus } from '@nano/contracts';
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { TakedownNoticesTable, TakedownRow } from './takedowns.tables.ts';

type Db = Kysely<Database>;

/** Notices a moderator still has to decide on. */
export const OPEN_TAKEDOWN_STATUSES = ['awaiting_response', 'responded'] as const satisfies TakedownStatus[];
/** Notices that ended. `upheld` and `expired` count against the creator (repeat rule). */
export const DECIDED_TAKEDOWN_STATUSES = [
  'upheld',
  'rejected',
  'expired',
] as const satisfies TakedownStatus[];
export const UPHELD_TAKEDOWN_STATUSES = ['upheld', 'expired'] as const satisfies TakedownStatus[];

/** A notice with the title and status of its Nano, as the lists show it. */
export type TakedownListRow = TakedownRow & { nano_title: string; nano_status: NanoStatus };

/** The Nano a notice is about, as far as the takedown rules need it. */
export interface NoticedNano {
  id: string;
  title: string;
  status: NanoStatus;
  creator_id: string;
}

/*
 * Read-only access to the catalog's `nanos` table (documented exception to the module boundary):
 * the public form checks that the Nano is online, and the lists show its title and status. Status
 * changes go through the catalog's `applyNanoModeration` only.
 */

/** The Nano a notice may be about (any status), or undefined. */
export function findNoticedNano(db: Db, nanoId: string): Promise<NoticedNano | undefined> {
  return db
    .selectFrom('nanos')
    .select(['id', 'title', 'status', 'creator_id'])
    .where('id', '=', nanoId)
    .executeTakeFirst();
}

/**
 * Locks the Nano row (`for update`) for the rest of the transaction, so deciding whether to hide,
 * archive or unhide it and the catalog's transition see the same status. Read-only otherwise.
 */
export function lockNoticedNano(db: Db, nanoId: string): Promise<NoticedNano | undefined> {
  return db
    .selectFrom('nanos')
    .select(['id', 'title', 'status', 'creator_id'])
    .where('id', '=', nanoId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertNotice(db: Db, row: Insertable<TakedownNoticesTable>): Promise<void> {
  await db.insertInto('takedown_notices').values(row).execute();
}

/** The notice with this confirmation token hash, locked for the confirmation. */
export function lockNoticeByTokenHash(db: Db, tokenHash: string): Promise<TakedownRow | undefined> {
  return db
    .selectFrom('takedown_notices')
    .selectAll()
    .where('confirm_token_hash', '=', tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

export function lockNotice(db: Db, id: string): Promise<TakedownRow | undefined> {
  return db.selectFrom('takedown_notices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateNotice(
  db: Db,
  id: string,
  patch: Updateable<TakedownNoticesTable>,
): Promise<TakedownRow> {
  return db
    .updateTable('takedown_notices')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The notices of a Nano waiting for the creator's answer, locked, oldest first. */
export function lockAwaitingNoticesOfNano(db: Db, nanoId: string): Promise<TakedownRow[]> {
  return db
    .selectFrom('takedown_notices')
    .selectAll()
    .where('nano_id', '=', nanoId)
    .where('status', '=', 'awaiting_response')
    .orderBy('confirmed_at', 'asc')
    .orderBy('id', 'asc')
    .forUpdate()
    .execute();
}

/** How many other notices on the Nano are still open (then a rejected one does not unhide it). */
export async function countOtherOpenNotices(db: Db, nanoId: string, exceptId: string): Promise<number> {
  const row = await db
    .selectFrom('takedown_notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('nano_id', '=', nanoId)
    .where('id', '<>', exceptId)
    .where('status', 'in', OPEN_TAKEDOWN_STATUSES)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ids of notices whose answer period ended without an answer, the longest overdue first. */
export async function overdueNoticeIds(db: Db, now: Date, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('takedown_notices')
    .select('id')
    .where('status', '=', 'awaiting_response')
    .where('response_due_at', '<=', now)
    .orderBy('response_due_at', 'asc')
    .orderBy('id', 'asc')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Upheld or expired notices against a creator decided since `since` (the repeat rule); a notice
 * whose decision an appeal reversed no longer counts.
 */
export async function countUpheldSince(db: Db, creatorId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('takedown_notices')
    .leftJoin('moderation_decisions', 'moderation_decisions.id', 'takedown_notices.decision_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('takedown_notices.creator_id', '=', creatorId)
    .where('takedown_notices.status', 'in', UPHELD_TAKEDOWN_STATUSES)
    .where('takedown_notices.decided_at', '>=', since)
    .where('moderation_decisions.reversed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function listBase(db: Db) {
  return db
    .selectFrom('takedown_notices')
    .innerJoin('nanos', 'nanos.id', 'takedown_notices.nano_id')
    .selectAll('takedown_notices')
    .select(['nanos.title as nano_title', 'nanos.status as nano_status']);
}

/**
 * A page of notices with these statuses: open ones the longest waiting first (by confirmation),
 * ended ones the most recently decided first, unconfirmed ones the newest first.
 */
export async function listNotices(
  db: Db,
  statuses: readonly TakedownStatus[],
  order: 'oldest_confirmed' | 'newest_decided' | 'newest',
  page: { offset: number; limit: number },
): Promise<{ rows: TakedownListRow[]; total: number }> {
  let query = listBase(db).where('takedown_notices.status', 'in', statuses);
  if (order === 'oldest_confirmed') {
    query = query.orderBy('takedown_notices.confirmed_at', 'asc').orderBy('takedown_notices.id', 'asc');
  } else if (order === 'newest_decided') {
    query = query.orderBy('takedown_notices.decided_at', 'desc').orderBy('takedown_notices.id', 'desc');
  } else {
    query = query.orderBy('takedown_notices.created_at', 'desc').orderBy('takedown_notices.id', 'desc');
  }
  const rows = await query.offset(page.offset).limit(page.limit).execute();
  const count = await db
    .selectFrom('takedown_notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', statuses)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** One notice with its Nano's title and status. */
export function findListedNotice(db: Db, id: string): Promise<TakedownListRow | undefined> {
  return listBase(db).where('takedown_notices.id', '=', id).executeTakeFirst();
}

/** Confirmed notices against a creator's Nanos, the newest first. */
export function listNoticesAgainst(db: Db, creatorId: string, limit: number): Promise<TakedownListRow[]> {
  return listBase(db)
    .where('takedown_notices.creator_id', '=', creatorId)
    .where('takedown_notices.status', '<>', 'unconfirmed')
    .orderBy('takedown_notices.confirmed_at', 'desc')
    .orderBy('takedown_notices.id', 'desc')
    .limit(limit)
    .execute();
}

/** The listed form of these notices (after an update), in the given order. */
export async function listedNotices(db: Db, ids: string[]): Promise<TakedownListRow[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await listBase(db).where('takedown_notices.id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
