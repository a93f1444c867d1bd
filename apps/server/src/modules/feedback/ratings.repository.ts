import type { NanoStatus, RatingSort } from '@nano/contracts';
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { RatingRow, RatingsTable } from './feedback.tables.ts';

type Db = Kysely<Database>;

/** What the rating rules need to know about a Nano. */
export interface RatedNano {
  id: string;
  creator_id: string;
  status: NanoStatus;
  title: string;
  /** The ratings whose score counts, kept exact by every rating write (see recountNano). */
  rating_count: number;
}

/** A rating with the Nano it belongs to, for the lists across Nanos. */
export type RatingWithNanoRow = RatingRow & {
  nano_title: string;
  nano_status: NanoStatus;
  nano_thumbnail_key: string | null;
};

const NANO_COLUMNS = ['id', 'creator_id', 'status', 'title', 'rating_count'] as const;

export async function findNano(db: Db, nanoId: string): Promise<RatedNano | undefined> {
  const row = await db.selectFrom('nanos').select(NANO_COLUMNS).where('id', '=', nanoId).executeTakeFirst();
  return row ? { ...row, status: row.status as NanoStatus } : undefined;
}

/**
 * Locks the Nano's row until the transaction ends. Every write of its ratings takes this lock
 * first, so concurrent writers run one after the other and each recount sees every committed
 * rating. `no key update` still lets other tables' foreign-key checks (favourites, list items)
 * through.
 */
export async function lockNano(db: Db, nanoId: string): Promise<RatedNano | undefined> {
  const row = await db
    .selectFrom('nanos')
    .select(NANO_COLUMNS)
    .where('id', '=', nanoId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  return row ? { ...row, status: row.status as NanoStatus } : undefined;
}

/**
 * Recomputes the Nano's `rating_count` and `rating_avg` from the ratings whose score counts, in one
 * statement (the search triggers copy them into the search document).
 */
export async function recountNano(db: Db, nanoId: string): Promise<void> {
  // One aggregate (an index-only scan of ratings_nano_score_idx) feeds both columns.
  await sql`
    update nanos set (rating_count, rating_avg) = (
      select count(*)::int, avg(score)::double precision
      from ratings where nano_id = ${nanoId} and score_counts
    )
    where id = ${nanoId}`.execute(db);
}

/** The rating, its row locked until the transaction ends (replies: one writer at a time). */
export function lockRating(db: Db, id: string): Promise<RatingRow | undefined> {
  return db.selectFrom('ratings').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
}

/**
 * The rating, kept from being deleted until the transaction ends (as a foreign-key check would), so
 * a helpful mark never points at a rating deleted meanwhile; other marks are not blocked.
 */
export function holdRating(db: Db, id: string): Promise<RatingRow | undefined> {
  return db.selectFrom('ratings').selectAll().where('id', '=', id).forKeyShare().executeTakeFirst();
}

export function findRatingOf(db: Db, nanoId: string, userId: string): Promise<RatingRow | undefined> {
  return db
    .selectFrom('ratings')
    .selectAll()
    .where('nano_id', '=', nanoId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function insertRating(db: Db, row: Insertable<RatingsTable>): Promise<RatingRow> {
  return db.insertInto('ratings').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateRating(db: Db, id: string, patch: Updateable<RatingsTable>): Promise<RatingRow> {
  return db.updateTable('ratings').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteRating(db: Db, id: string): Promise<void> {
  await db.deleteFrom('ratings').where('id', '=', id).execute();
}

/** A page of a Nano's ratings in the given order. */
export function listNanoRatings(
  db: Db,
  nanoId: string,
  sort: RatingSort,
  offset: number,
  limit: number,
): Promise<RatingRow[]> {
  let query = db.selectFrom('ratings').selectAll().where('nano_id', '=', nanoId);
  if (sort === 'helpful') {
    query = query.orderBy('helpful_count', 'desc');
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute();
}

/**
 * How many of the Nano's ratings moderation excluded from its figures: with `rating_count` the
 * length of its list, without counting every rating of a popular Nano on each page.
 */
export async function countExcluded(db: Db, nanoId: string): Promise<number> {
  const row = await db
    .selectFrom('ratings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('nano_id', '=', nanoId)
    .where('score_counts', '=', false)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many counting ratings the Nano has per score (scores without ratings are missing). */
export async function scoreCounts(db: Db, nanoId: string): Promise<Array<{ score: number; n: number }>> {
  const rows = await db
    .selectFrom('ratings')
    .select(['score', (eb) => eb.fn.countAll<number>().as('n')])
    .where('nano_id', '=', nanoId)
    .where('score_counts', '=', true)
    .groupBy('score')
    .execute();
  return rows.map((row) => ({ score: row.score, n: Number(row.n) }));
}

/** Which of these ratings the user marked helpful. */
export async function helpfulIdsOf(db: Db, userId: string, ratingIds: string[]): Promise<Set<string>> {
  if (ratingIds.length === 0) {
    return new Set();
  }
  const rows = await db
    .selectFrom('rating_helpful_votes')
    .select('rating_id')
    .where('user_id', '=', userId)
    .where('rating_id', 'in', ratingIds)
    .execute();
  return new Set(rows.map((row) => row.rating_id));
}

/**
 * Adds the user's helpful mark; only a new mark raises the counter, so repeated and concurrent
 * requests count once. Returns the counter afterwards.
 */
export async function addHelpfulVote(db: Db, ratingId: string, userId: string, now: Date): Promise<number> {
  const inserted = await db
    .insertInto('rating_helpful_votes')
    .values({ rating_id: ratingId, user_id: userId, created_at: now })
    .onConflict((oc) => oc.columns(['rating_id', 'user_id']).doNothing())
    .returning('rating_id')
    .executeTakeFirst();
  return inserted ? bumpHelpful(db, ratingId, 1) : helpfulCount(db, ratingId);
}

/** Removes the user's helpful mark; only a removed mark lowers the counter. Returns the counter afterwards. */
export async function removeHelpfulVote(db: Db, ratingId: string, userId: string): Promise<number> {
  const deleted = await db
    .deleteFrom('rating_helpful_votes')
    .where('rating_id', '=', ratingId)
    .where('user_id', '=', userId)
    .returning('rating_id')
    .executeTakeFirst();
  return deleted ? bumpHelpful(db, ratingId, -1) : helpfulCount(db, ratingId);
}

async function bumpHelpful(db: Db, ratingId: string, delta: 1 | -1): Promise<number> {
  const row = await db
    .updateTable('ratings')
    .set((eb) => ({ helpful_count: eb('helpful_count', '+', delta) }))
    .where('id', '=', ratingId)
    .returning('helpful_count')
    .executeTakeFirstOrThrow();
  return row.helpful_count;
}

async function helpfulCount(db: Db, ratingId: string): Promise<number> {
  const row = await db
    .selectFrom('ratings')
    .select('helpful_count')
    .where('id', '=', ratingId)
    .executeTakeFirstOrThrow();
  return row.helpful_count;
}

function withNano(db: Db) {
  return db
    .selectFrom('ratings')
    .innerJoin('nanos', 'nanos.id', 'ratings.nano_id')
    .selectAll('ratings')
    .select([
      'nanos.title as nano_title',
      'nanos.status as nano_status',
      'nanos.thumbnail_key as nano_thumbnail_key',
    ])
    .where('nanos.status', '!=', 'deleted');
}

function asWithNano(rows: Array<RatingRow & { nano_status: string }>): RatingWithNanoRow[] {
  return rows as RatingWithNanoRow[];
}

/** The user's ratings on Nanos that are not deleted, last changed first. */
export async function listUserRatings(
  db: Db,
  userId: string,
  offset: number,
  limit: number,
): Promise<{ rows: RatingWithNanoRow[]; total: number }> {
  const rows = await withNano(db)
    .where('ratings.user_id', '=', userId)
    .orderBy('ratings.updated_at', 'desc')
    .orderBy('ratings.id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
  const count = await db
    .selectFrom('ratings')
    .innerJoin('nanos', 'nanos.id', 'ratings.nano_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ratings.user_id', '=', userId)
    .where('nanos.status', '!=', 'deleted')
    .executeTakeFirstOrThrow();
  return { rows: asWithNano(rows), total: Number(count.n) };
}

/**
 * Ratings on the creator's Nanos that are not deleted, newest first; optionally of one Nano, and
 * optionally only visible comments still without a reply.
 */
export async function listReceivedRatings(
  db: Db,
  creatorId: string,
  filter: { nanoId?: string; unanswered: boolean },
  offset: number,
  limit: number,
): Promise<{ rows: RatingWithNanoRow[]; total: number }> {
  let rowsQuery = withNano(db).where('nanos.creator_id', '=', creatorId);
  let countQuery = db
    .selectFrom('ratings')
    .innerJoin('nanos', 'nanos.id', 'ratings.nano_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('nanos.creator_id', '=', creatorId)
    .where('nanos.status', '!=', 'deleted');
  if (filter.nanoId) {
    rowsQuery = rowsQuery.where('ratings.nano_id', '=', filter.nanoId);
    countQuery = countQuery.where('ratings.nano_id', '=', filter.nanoId);
  }
  if (filter.unanswered) {
    // A comment the creator cannot read (hidden by moderation) is not waiting for an answer.
    rowsQuery = rowsQuery
      .where('ratings.comment', 'is not', null)
      .where('ratings.comment_hidden_at', 'is', null)
      .where('ratings.reply_text', 'is', null);
    countQuery = countQuery
      .where('ratings.comment', 'is not', null)
      .where('ratings.comment_hidden_at', 'is', null)
      .where('ratings.reply_text', 'is', null);
  }
  const rows = await rowsQuery
    .orderBy('ratings.created_at', 'desc')
    .orderBy('ratings.id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
  const count = await countQuery.executeTakeFirstOrThrow();
  return { rows: asWithNano(rows), total: Number(count.n) };
}
