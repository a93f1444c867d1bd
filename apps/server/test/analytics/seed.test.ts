import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollupAnalytics } from '../../src/modules/analytics/analytics.rollup.ts';
import { analyticsSeeder, DEMO_ANALYTICS_DAYS } from '../../src/modules/analytics/analytics.seed.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import { insertNano } from '../search/search-fixtures.ts';
import { favoriteAt, rateAt, type StatsRow, statsOf } from './analytics-fixtures.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const silent = { info: () => {}, warn: () => {}, error: () => {} } as never;

describe(`analytics demo data (${testDatabaseKind})`, () => {
  let t: TestApp;
  let creator: TestUser;
  let veteran: string;
  let newcomer: string;
  let draft: string;
  const seed = () => analyticsSeeder.run(t.platform, t.config, silent);
  const daysAgo = (days: number) => new Date(t.clock.now().getTime() - days * DAY_MS);

  beforeAll(async () => {
    t = await buildTestApp();
    // A Wednesday afternoon.
    t.clock.set('2026-06-17T15:00:00.000Z');
    creator = await createUser(t, { role: 'creator', username: 'vhs-musterstadt' });
    veteran = await insertNano(t, creator.id, {
      title: 'Erste Hilfe am Arbeitsplatz',
      publishedAt: daysAgo(100),
      views: 1500,
    });
    newcomer = await insertNano(t, creator.id, {
      title: 'Englisch im Büro',
      publishedAt: daysAgo(20),
      views: 240,
    });
    draft = await insertNano(t, creator.id, { title: 'Entwurf', status: 'draft' });
    await t.platform.database.db
      .updateTable('nanos')
      .set({ download_count: 150, download_allowed: true })
      .where('id', '=', veteran)
      .execute();
    const fan = await createUser(t);
    await favoriteAt(t, fan.id, veteran, '2026-05-02T10:00:00Z');
    await rateAt(t, fan.id, veteran, 4, '2026-06-10T10:00:00Z');
    await seed();
  });
  afterAll(async () => {
    await t.close();
  });

  const mean = (rows: StatsRow[], pick: (row: StatsRow) => number) =>
    rows.reduce((sum, row) => sum + pick(row), 0) / Math.max(1, rows.length);

  it('gives every published demo Nano about 60 days of plausible figures', async () => {
    const rows = await statsOf(t, veteran);
    expect(rows[0]?.day).toBe('2026-04-19');
    expect(rows.at(-1)?.day).toBe('2026-06-17');
    expect(rows.length).toBeGreaterThanOrEqual(DEMO_ANALYTICS_DAYS - 1);
    // About the catalog counter's daily average of viewers (1500 over 100 days), fewer at weekends.
    const full = rows.slice(0, -1);
    const weekend = full.filter((row) => [0, 6].includes(new Date(row.day).getUTCDay()));
    const workdays = full.filter((row) => ![0, 6].includes(new Date(row.day).getUTCDay()));
    expect(mean(workdays, (row) => row.unique_viewers)).toBeGreaterThan(12);
    expect(mean(workdays, (row) => row.unique_viewers)).toBeLessThan(22);
    expect(mean(weekend, (row) => row.views)).toBeLessThan(mean(workdays, (row) => row.views) * 0.7);
    expect(full.every((row) => row.views >= row.unique_viewers)).toBe(true);
    // Downloads near the counters' share (10 %), few favourites.
    const views = full.reduce((sum, row) => sum + row.views, 0);
    const downloads = full.reduce((sum, row) => sum + row.downloads, 0);
    expect(downloads / views).toBeGreaterThan(0.05);
    expect(downloads / views).toBeLessThan(0.15);
  });

  it('rolls up the favourites and ratings other seeders wrote, and invents none', async () => {
    const rows = (await statsOf(t, veteran)).filter((row) => row.favorites > 0 || row.ratings_count > 0);
    expect(
      rows.map(({ day, favorites, ratings_count, ratings_sum }) => ({
        day,
        favorites,
        ratings_count,
        ratings_sum,
      })),
    ).toEqual([
      { day: '2026-05-02', favorites: 1, ratings_count: 0, ratings_sum: 0 },
      { day: '2026-06-10', favorites: 0, ratings_count: 1, ratings_sum: 4 },
    ]);
    // The seeded views of those days are there as on any other day.
    expect(rows.every((row) => row.views > 0)).toBe(true);
  });

  it('starts a newer Nano at its publication and lets it grow', async () => {
    const rows = await statsOf(t, newcomer);
    expect((rows[0]?.day ?? '') >= '2026-05-28').toBe(true);
    expect(mean(rows.slice(0, 3), (row) => row.unique_viewers)).toBeLessThan(
      mean(rows.slice(-8, -1), (row) => row.unique_viewers),
    );
    expect(await statsOf(t, draft)).toEqual([]);
  });

  it('keeps yesterday and today as raw events, which the hourly rollup reproduces', async () => {
    const eventDays = await t.platform.database.db
      .selectFrom('nano_events')
      .select(sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'))
      .distinct()
      .orderBy('day')
      .execute();
    expect(eventDays.map((row) => row.day)).toEqual(['2026-06-16', '2026-06-17']);
    const before = [await statsOf(t, veteran), await statsOf(t, newcomer)];
    t.clock.advance(5 * 60_000);
    await rollupAnalytics({ db: t.platform.database.db, clock: t.clock });
    expect([await statsOf(t, veteran), await statsOf(t, newcomer)]).toEqual(before);
  });

  it('runs once: seeding again changes nothing', async () => {
    const before = await statsOf(t, veteran);
    await seed();
    expect(await statsOf(t, veteran)).toEqual(before);
  });

  it('fills the dashboard of the demo creator', async () => {
    const client = await signIn(t, creator, { ip: '10.80.0.1' });
    const body = (await client.get('/api/v1/me/analytics')).json();
    expect(body.totals.views).toBeGreaterThan(300);
    expect(body.updatedAt).not.toBeNull();
    expect(body.nanos.map((n: { title: string }) => n.title)).toEqual([
      'Erste Hilfe am Arbeitsplatz',
      'Englisch im Büro',
      'Entwurf',
    ]);
  });
});
