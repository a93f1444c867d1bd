import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/database.ts';

type Db = Kysely<Database>;

/** A half-open range of instants: the UTC days `from`…`to` as `[start, end)`. */
export interface InstantRange {
  start: Date;
  end: Date;
}

/** A count per UTC day (`YYYY-MM-DD`). */
export type DayCounts = Map<string, number>;

async function perDay(
  query: RawBuilder<{ day: string; count: number | string }>,
  db: Db,
): Promise<DayCounts> {
  const result = await query.execute(db);
  return new Map(result.rows.map((row) => [row.day, Number(row.count)]));
}

/** Active users per day between two days (both included), from the activity table. */
export function activeUsersPerDay(db: Db, from: string, to: string): Promise<DayCounts> {
  return perDay(
    sql<{ day: string; count: number | string }>`
      select day::text as day, count(*) as count from user_activity_days
       where day between ${from}::date and ${to}::date group by day`,
    db,
  );
}

/** Distinct users active on any day between two days (both included). */
export async function distinctActiveUsers(db: Db, from: string, to: string): Promise<number> {
  const result = await sql<{ count: number | string }>`
    select count(distinct user_id) as count from user_activity_days
     where day between ${from}::date and ${to}::date`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}

/** New accounts per day (identity's `users`, read only). */
export function registrationsPerDay(db: Db, range: InstantRange): Promise<DayCounts> {
  return perDay(
    sql<{ day: string; count: number | string }>`
      select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*) as count from users
       where created_at >= ${range.start} and created_at < ${range.end} group by 1`,
    db,
  );
}

/** Uploaded Nano versions per day (catalog's `nano_versions`, read only). */
export function uploadsPerDay(db: Db, range: InstantRange): Promise<DayCounts> {
  return perDay(
    sql<{ day: string; count: number | string }>`
      select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*) as count from nano_versions
       where created_at >= ${range.start} and created_at < ${range.end} group by 1`,
    db,
  );
}

/** Nanos by status now (catalog's `nanos`, read only). */
export async function nanosByStatus(db: Db): Promise<Map<string, number>> {
  const result = await sql<{ status: string; count: number | string }>`
    select status, count(*) as count from nanos group by status`.execute(db);
  return new Map(result.rows.map((row) => [row.status, Number(row.count)]));
}

/** Ratings given in the range whose score counts, by stars (feedback's `ratings`, read only). */
export async function ratingsByStars(db: Db, range: InstantRange): Promise<Map<number, number>> {
  const result = await sql<{ score: number; count: number | string }>`
    select score, count(*) as count from ratings
     where score_counts and created_at >= ${range.start} and created_at < ${range.end}
     group by score`.execute(db);
  return new Map(result.rows.map((row) => [Number(row.score), Number(row.count)]));
}

/** Flags filed in the range, by reason (the flags module's table, read only). */
export async function flagsByReason(db: Db, range: InstantRange): Promise<Map<string, number>> {
  const result = await sql<{ reason: string; count: number | string }>`
    select reason, count(*) as count from flags
     where created_at >= ${range.start} and created_at < ${range.end} group by reason`.execute(db);
  return new Map(result.rows.map((row) => [row.reason, Number(row.count)]));
}

/** Review decisions of one day: how many, and how many came within the SLA of their submission. */
export interface ReviewSlaDay {
  decided: number;
  withinSla: number;
}

/**
 * Review decisions made in the range, per day, and how many of them came within `slaHours` of
 * the version's submission. Reads the catalog's `nano_reviews` and `nano_versions` (read only);
 * decisions on sampled versions (post-publication review) are not submissions and are left out.
 */
export async function reviewSlaPerDay(
  db: Db,
  range: InstantRange,
  slaHours: number,
): Promise<Map<string, ReviewSlaDay>> {
  const result = await sql<{ day: string; decided: number | string; within: number | string }>`
    select to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD') as day,
           count(*) as decided,
           count(*) filter (where r.created_at - v.submitted_at <= make_interval(hours => ${slaHours}::int)) as within
      from nano_reviews r join nano_versions v on v.id = r.version_id
     where r.created_at >= ${range.start} and r.created_at < ${range.end}
       and v.submitted_at is not null and v.sampled_at is null
     group by 1`.execute(db);
  return new Map(
    result.rows.map((row) => [row.day, { decided: Number(row.decided), withinSla: Number(row.within) }]),
  );
}
