import type { NanoStatus } from '@nano/contracts';
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { NanoDailyStatsTable, NanoEventsTable } from './analytics.tables.ts';

type Db = Kysely<Database>;

/** The figures of the rollup table, summed over some days. */
export interface FigureSums {
  views: number;
  unique_viewers: number;
  downloads: number;
  favorites: number;
  ratings_count: number;
  ratings_sum: number;
}

/** Whose figures a dashboard query reads: a creator's Nanos (all but deleted ones), or one of them. */
export interface Scope {
  creatorId: string;
  nanoId?: string;
}

const sums = sql<number>`0`;

// ---- salts and events ----------------------------------------------------------------------

export async function findSalt(db: Db, day: string): Promise<string | undefined> {
  const row = await db.selectFrom('analytics_salts').select('salt').where('day', '=', day).executeTakeFirst();
  return row?.salt;
}

export async function insertSalt(db: Db, day: string, salt: string): Promise<void> {
  await db
    .insertInto('analytics_salts')
    .values({ day, salt })
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
}

export async function insertEvent(db: Db, row: Insertable<NanoEventsTable>): Promise<void> {
  await db.insertInto('nano_events').values(row).execute();
}

export async function insertEvents(db: Db, rows: Array<Insertable<NanoEventsTable>>): Promise<void> {
  if (rows.length > 0) {
    await db.insertInto('nano_events').values(rows).execute();
  }
}

// ---- rollup ----------------------------------------------------------------------------------

/** Locks the state row until the transaction ends, so two rollups never interleave. */
export async function lockState(db: Db): Promise<{ lastRolledDay: string | null }> {
  const row = await db
    .selectFrom('analytics_state')
    .select(sql<string | null>`to_char(last_rolled_day, 'YYYY-MM-DD')`.as('last_rolled_day'))
    .where('id', '=', true)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { lastRolledDay: row.last_rolled_day };
}

export async function saveState(db: Db, lastRolledDay: string, at: Date): Promise<void> {
  await db
    .updateTable('analytics_state')
    .set({ last_rolled_day: lastRolledDay, last_rollup_at: at })
    .where('id', '=', true)
    .execute();
}

/** When the rollup job last finished, or null before its first run. */
export async function lastRollupAt(db: Db): Promise<Date | null> {
  const row = await db.selectFrom('analytics_state').select('last_rollup_at').executeTakeFirst();
  return row?.last_rollup_at ?? null;
}

/** The first day with anything to roll up (events, favourites, ratings), or null when there is none. */
export async function earliestSourceDay(db: Db): Promise<string | null> {
  const result = await sql<{ day: string | null }>`
    select to_char(least(
      (select min(day) from nano_events),
      (select min(created_at at time zone 'UTC')::date from favorites),
      (select min(created_at at time zone 'UTC')::date from ratings)
    ), 'YYYY-MM-DD') as day`.execute(db);
  return result.rows[0]?.day ?? null;
}

/**
 * Recomputes the rollup rows of the days `from`..`to` (both included) from the raw events, the
 * favourites and the ratings: deleted and written again, so a rerun gives the same rows.
 */
export async function replaceDailyStats(
  db: Db,
  from: string,
  to: string,
  start: Date,
  end: Date,
): Promise<void> {
  await db.deleteFrom('nano_daily_stats').where('day', '>=', from).where('day', '<=', to).execute();
  await sql`
    insert into nano_daily_stats
      (nano_id, day, views, unique_viewers, downloads, favorites, ratings_count, ratings_sum)
    select nano_id, day, sum(views), sum(unique_viewers), sum(downloads), sum(favorites),
      sum(ratings_count), sum(ratings_sum)
    from (
      select nano_id, day,
        count(*) filter (where kind = 'view') as views,
        count(distinct viewer_hash) filter (where kind = 'view') as unique_viewers,
        count(*) filter (where kind = 'download') as downloads,
        0 as favorites, 0 as ratings_count, 0 as ratings_sum
      from nano_events
      where day >= ${from}::date and day <= ${to}::date
      group by nano_id, day
      union all
      select nano_id, (created_at at time zone 'UTC')::date, 0, 0, 0, count(*), 0, 0
      from favorites
      where created_at >= ${start} and created_at < ${end}
      group by 1, 2
      union all
      select nano_id, (created_at at time zone 'UTC')::date, 0, 0, 0, 0, count(*), sum(score)
      from ratings
      where created_at >= ${start} and created_at < ${end} and score_counts
      group by 1, 2
    ) figures
    group by nano_id, day`.execute(db);
}

/** Deletes the salts of the days before `day`: their hashes can never be recomputed or linked. */
export async function deleteSaltsBefore(db: Db, day: string): Promise<number> {
  const result = await db.deleteFrom('analytics_salts').where('day', '<', day).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes the raw events of the days before `day` (their rollup rows stay). */
export async function deleteEventsBefore(db: Db, day: string): Promise<number> {
  const result = await db.deleteFrom('nano_events').where('day', '<', day).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Deletes the catalog's view-deduplication rows (`nano_views`) of the days before `day`. They hold
 * the same daily viewer hashes as the events, so they follow the same retention rule; the view
 * counter and "trending" (last seven days) do not need them any longer.
 */
export async function deleteViewDaysBefore(db: Db, day: string): Promise<number> {
  const result = await db.deleteFrom('nano_views').where('day', '<', day).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Adds views and downloads to rollup rows (the demo seeder's history), creating the rows that are missing. */
export async function addDailyStats(db: Db, rows: Array<Insertable<NanoDailyStatsTable>>): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  await db
    .insertInto('nano_daily_stats')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['nano_id', 'day']).doUpdateSet((eb) => ({
        views: eb('nano_daily_stats.views', '+', eb.ref('excluded.views')),
        unique_viewers: eb('nano_daily_stats.unique_viewers', '+', eb.ref('excluded.unique_viewers')),
        downloads: eb('nano_daily_stats.downloads', '+', eb.ref('excluded.downloads')),
      })),
    )
    .execute();
}

// ---- demo data ------------------------------------------------------------------------------

/** The published Nanos of the given accounts, oldest publication first (the demo seeder's input). */
export function publishedNanosOf(db: Db, usernames: string[]) {
  return db
    .selectFrom('nanos')
    .innerJoin('users', 'users.id', 'nanos.creator_id')
    .select([
      'nanos.id',
      'nanos.published_at',
      'nanos.view_count',
      'nanos.download_count',
      'nanos.download_allowed',
    ])
    .where('users.username', 'in', usernames)
    .where('nanos.status', '=', 'published')
    .where('nanos.published_at', 'is not', null)
    .$narrowType<{ published_at: Date }>()
    .orderBy('nanos.published_at', 'asc')
    .orderBy('nanos.id', 'asc')
    .execute();
}

/** True when any of the Nanos has a rollup row. */
export async function hasDailyStats(db: Db, nanoIds: string[]): Promise<boolean> {
  const row = await db
    .selectFrom('nano_daily_stats')
    .select('nano_id')
    .where('nano_id', 'in', nanoIds)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

// ---- dashboard reads -------------------------------------------------------------------------

/** The creator's Nanos the dashboard lists: every status but deleted. */
export function ownNanos(
  db: Db,
  creatorId: string,
): Promise<Array<{ id: string; title: string; status: NanoStatus }>> {
  return db
    .selectFrom('nanos')
    .select(['id', 'title', 'status'])
    .where('creator_id', '=', creatorId)
    .where('status', '<>', 'deleted')
    .orderBy('title', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

function statsInScope(db: Db, scope: Scope, from: string, to: string) {
  let query = db
    .selectFrom('nano_daily_stats as s')
    .innerJoin('nanos as n', 'n.id', 's.nano_id')
    .where('n.creator_id', '=', scope.creatorId)
    .where('n.status', '<>', 'deleted')
    .where('s.day', '>=', from)
    .where('s.day', '<=', to);
  if (scope.nanoId !== undefined) {
    query = query.where('s.nano_id', '=', scope.nanoId);
  }
  return query.select((eb) => [
    eb.fn.coalesce(eb.fn.sum<number>('s.views'), sums).as('views'),
    eb.fn.coalesce(eb.fn.sum<number>('s.unique_viewers'), sums).as('unique_viewers'),
    eb.fn.coalesce(eb.fn.sum<number>('s.downloads'), sums).as('downloads'),
    eb.fn.coalesce(eb.fn.sum<number>('s.favorites'), sums).as('favorites'),
    eb.fn.coalesce(eb.fn.sum<number>('s.ratings_count'), sums).as('ratings_count'),
    eb.fn.coalesce(eb.fn.sum<number>('s.ratings_sum'), sums).as('ratings_sum'),
  ]);
}

/** The scope's figures per day of the range (days without a row are missing). */
export function figuresByDay(
  db: Db,
  scope: Scope,
  from: string,
  to: string,
): Promise<Array<FigureSums & { day: string }>> {
  return statsInScope(db, scope, from, to)
    .select(sql<string>`to_char(s.day, 'YYYY-MM-DD')`.as('day'))
    .groupBy('s.day')
    .orderBy('s.day', 'asc')
    .execute();
}

/** The figures of each of the creator's Nanos over the range (Nanos without a row are missing). */
export function figuresByNano(
  db: Db,
  creatorId: string,
  from: string,
  to: string,
): Promise<Array<FigureSums & { nano_id: string }>> {
  return statsInScope(db, { creatorId }, from, to).select('s.nano_id').groupBy('s.nano_id').execute();
}

/** How many ratings that count each of the creator's Nanos has per star, all time. */
export async function ratingCounts(
  db: Db,
  creatorId: string,
): Promise<Array<{ nano_id: string; score: number; count: number }>> {
  const result = await sql<{ nano_id: string; score: number; count: number }>`
    select r.nano_id, r.score::int as score, count(*)::int as count
    from ratings r
    join nanos n on n.id = r.nano_id
    where n.creator_id = ${creatorId} and n.status <> 'deleted' and r.score_counts
    group by r.nano_id, r.score`.execute(db);
  return result.rows;
}
