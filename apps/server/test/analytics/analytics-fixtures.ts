import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { recordNanoEvent } from '../../src/modules/analytics/nano-events.ts';
import { hashViewer } from '../../src/modules/analytics/viewer-hash.ts';
import type { TestApp } from '../app.ts';

/** One view of a Nano by `viewerKey` (`u:<id>` or `v:<cookie>`) at `at`, as the catalog records it. */
export async function viewAt(t: TestApp, nanoId: string, viewerKey: string, at: string): Promise<void> {
  const when = new Date(at);
  const viewer = await hashViewer(t.platform.database.db, viewerKey, when);
  await recordNanoEvent(t.platform.database.db, { nanoId, kind: 'view', viewerHash: viewer.hash, at: when });
}

export async function downloadAt(t: TestApp, nanoId: string, at: string): Promise<void> {
  await recordNanoEvent(t.platform.database.db, { nanoId, kind: 'download', at: new Date(at) });
}

/** A favourite as the lists module stores it. */
export async function favoriteAt(t: TestApp, userId: string, nanoId: string, at: string): Promise<void> {
  await sql`insert into favorites (user_id, nano_id, created_at) values (${userId}, ${nanoId}, ${new Date(at)})`.execute(
    t.platform.database.db,
  );
}

/** A rating as the feedback module stores it (`counts` false: moderation excluded the score). */
export async function rateAt(
  t: TestApp,
  userId: string,
  nanoId: string,
  score: number,
  at: string,
  counts = true,
): Promise<void> {
  const when = new Date(at);
  await sql`
    insert into ratings (id, nano_id, user_id, score, score_counts, created_at, updated_at)
    values (${uuidv7()}, ${nanoId}, ${userId}, ${score}, ${counts}, ${when}, ${when})`.execute(
    t.platform.database.db,
  );
}

export interface StatsRow {
  day: string;
  views: number;
  unique_viewers: number;
  downloads: number;
  favorites: number;
  ratings_count: number;
  ratings_sum: number;
}

/** The rollup rows of a Nano, oldest day first. */
export async function statsOf(t: TestApp, nanoId: string): Promise<StatsRow[]> {
  const rows = await t.platform.database.db
    .selectFrom('nano_daily_stats')
    .select([
      sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'),
      'views',
      'unique_viewers',
      'downloads',
      'favorites',
      'ratings_count',
      'ratings_sum',
    ])
    .where('nano_id', '=', nanoId)
    .orderBy('day', 'asc')
    .execute();
  return rows.map((row) => ({
    ...row,
    views: Number(row.views),
    unique_viewers: Number(row.unique_viewers),
    downloads: Number(row.downloads),
    favorites: Number(row.favorites),
    ratings_count: Number(row.ratings_count),
    ratings_sum: Number(row.ratings_sum),
  }));
}

/** A rollup row with zeros where `figures` says nothing. */
export function stats(day: string, figures: Partial<Omit<StatsRow, 'day'>>): StatsRow {
  return {
    day,
    views: 0,
    unique_viewers: 0,
    downloads: 0,
    favorites: 0,
    ratings_count: 0,
    ratings_sum: 0,
    ...figures,
  };
}
