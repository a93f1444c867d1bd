import { ANALYTICS_LIMITS } from '@nano/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleAnalyticsJobs } from '../../src/modules/analytics/analytics.jobs.ts';
import {
  ANALYTICS_ROLLUP_CRON,
  ANALYTICS_ROLLUP_JOB,
  rollupAnalytics,
} from '../../src/modules/analytics/analytics.rollup.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, type TestUser } from '../factories.ts';
import { insertNano } from '../search/search-fixtures.ts';
import { downloadAt, favoriteAt, rateAt, stats, statsOf, viewAt } from './analytics-fixtures.ts';

describe(`analytics rollup (${testDatabaseKind})`, () => {
  let t: TestApp;
  let fans: TestUser[];
  let pivot: string;
  let macros: string;
  const rollup = () => rollupAnalytics({ db: t.platform.database.db, clock: t.clock });

  beforeAll(async () => {
    t = await buildTestApp();
    t.clock.set('2026-04-06T08:00:00.000Z');
    const creator = await createUser(t, { role: 'creator' });
    fans = [await createUser(t), await createUser(t), await createUser(t)];
    pivot = await insertNano(t, creator.id, { title: 'Pivot-Tabellen' });
    macros = await insertNano(t, creator.id, { title: 'Makros aufzeichnen' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('rolls up views, unique viewers, downloads, favourites and ratings per Nano and UTC day', async () => {
    // Sunday 5 April: Anna three times, Ben once, a guest once; two downloads.
    await viewAt(t, pivot, 'u:anna', '2026-04-05T07:00:00Z');
    await viewAt(t, pivot, 'u:anna', '2026-04-05T12:00:00Z');
    await viewAt(t, pivot, 'u:anna', '2026-04-05T23:59:59Z');
    await viewAt(t, pivot, 'u:ben', '2026-04-05T09:00:00Z');
    await viewAt(t, pivot, 'v:guest-cookie-0001', '2026-04-05T10:00:00Z');
    await downloadAt(t, pivot, '2026-04-05T10:01:00Z');
    await downloadAt(t, pivot, '2026-04-05T18:00:00Z');
    await viewAt(t, macros, 'u:anna', '2026-04-05T11:00:00Z');
    // Monday 6 April (today, until 08:00): Anna again, favourites, ratings (one excluded by moderation).
    await viewAt(t, pivot, 'u:anna', '2026-04-06T00:00:00Z');
    await favoriteAt(t, fans[0]?.id ?? '', pivot, '2026-04-05T23:30:00Z');
    await favoriteAt(t, fans[1]?.id ?? '', pivot, '2026-04-06T06:00:00Z');
    await favoriteAt(t, fans[2]?.id ?? '', pivot, '2026-04-06T07:00:00Z');
    await rateAt(t, fans[0]?.id ?? '', pivot, 4, '2026-04-06T06:30:00Z');
    await rateAt(t, fans[1]?.id ?? '', pivot, 2, '2026-04-06T07:30:00Z');
    await rateAt(t, fans[2]?.id ?? '', pivot, 1, '2026-04-06T07:40:00Z', false);
    await rateAt(t, fans[0]?.id ?? '', macros, 5, '2026-04-04T12:00:00Z');

    const result = await rollup();
    // The first run covers everything there is: the rating of 4 April is the oldest source.
    expect(result.from).toBe('2026-04-04');
    expect(result.to).toBe('2026-04-06');
    expect(await statsOf(t, pivot)).toEqual([
      stats('2026-04-05', { views: 5, unique_viewers: 3, downloads: 2, favorites: 1 }),
      stats('2026-04-06', { views: 1, unique_viewers: 1, favorites: 2, ratings_count: 2, ratings_sum: 6 }),
    ]);
    expect(await statsOf(t, macros)).toEqual([
      stats('2026-04-04', { ratings_count: 1, ratings_sum: 5 }),
      stats('2026-04-05', { views: 1, unique_viewers: 1 }),
    ]);
    const state = await t.platform.database.db
      .selectFrom('analytics_state')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(state.last_rollup_at?.toISOString()).toBe('2026-04-06T08:00:00.000Z');
  });

  it('gives the same rows when run again', async () => {
    const before = [await statsOf(t, pivot), await statsOf(t, macros)];
    await rollup();
    await rollup();
    expect([await statsOf(t, pivot), await statsOf(t, macros)]).toEqual(before);
  });

  it("updates today's partial figures on the next run, and yesterday's late events the day after", async () => {
    t.clock.set('2026-04-06T15:05:00.000Z');
    await viewAt(t, pivot, 'u:ben', '2026-04-06T14:00:00Z');
    await viewAt(t, pivot, 'u:ben', '2026-04-06T14:30:00Z');
    await downloadAt(t, pivot, '2026-04-06T14:31:00Z');
    await rollup();
    expect((await statsOf(t, pivot)).at(-1)).toEqual(
      stats('2026-04-06', {
        views: 3,
        unique_viewers: 2,
        downloads: 1,
        favorites: 2,
        ratings_count: 2,
        ratings_sum: 6,
      }),
    );

    // A view of late Monday evening written only after Monday's last run, a favourite taken back.
    t.clock.set('2026-04-07T00:05:00.000Z');
    await viewAt(t, pivot, 'v:guest-cookie-0002', '2026-04-06T23:59:00Z');
    await sql`delete from favorites where user_id = ${fans[2]?.id}`.execute(t.platform.database.db);
    const result = await rollup();
    expect(result.from).toBe('2026-04-05');
    expect((await statsOf(t, pivot)).at(-1)).toEqual(
      stats('2026-04-06', {
        views: 4,
        unique_viewers: 3,
        downloads: 1,
        favorites: 1,
        ratings_count: 2,
        ratings_sum: 6,
      }),
    );
  });

  it('prunes raw events, view rows and past salts after the retention period, keeping the rollups', async () => {
    const db = t.platform.database.db;
    const rolledUp = await statsOf(t, pivot);
    const later = new Date(
      Date.parse('2026-04-06T12:00:00Z') + (ANALYTICS_LIMITS.rawEventRetentionDays + 1) * 86_400_000,
    );
    t.clock.set(later);
    await viewAt(t, pivot, 'u:anna', later.toISOString());
    await db
      .insertInto('nano_views')
      .values([
        { nano_id: pivot, viewer_key: 'a'.repeat(64), day: '2026-04-06' },
        { nano_id: pivot, viewer_key: 'b'.repeat(64), day: '2026-04-07' },
      ])
      .execute();

    const result = await rollup();
    const keepFrom = '2026-04-07';
    expect(result.eventsDeleted).toBeGreaterThan(0);
    const oldestEvent = await db
      .selectFrom('nano_events')
      .select(sql<string>`to_char(min(day), 'YYYY-MM-DD')`.as('day'))
      .executeTakeFirstOrThrow();
    expect(oldestEvent.day).toBe(later.toISOString().slice(0, 10));
    const viewDays = await db
      .selectFrom('nano_views')
      .select(sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'))
      .where('nano_id', '=', pivot)
      .execute();
    expect(viewDays.map((row) => row.day)).toEqual([keepFrom]);
    const salts = await db
      .selectFrom('analytics_salts')
      .select(sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day'))
      .execute();
    expect(salts.map((row) => row.day)).toEqual([later.toISOString().slice(0, 10)]);
    // The rollup rows of the old days stay; today's view is rolled up.
    expect((await statsOf(t, pivot)).slice(0, rolledUp.length)).toEqual(rolledUp);
    expect((await statsOf(t, pivot)).at(-1)).toMatchObject({
      day: later.toISOString().slice(0, 10),
      views: 1,
    });
  });

  it('is scheduled hourly and runs as a job', async () => {
    await scheduleAnalyticsJobs(t.platform);
    const schedule = await t.platform.database.db
      .selectFrom('job_schedules')
      .select(['cron', 'next_run_at'])
      .where('name', '=', ANALYTICS_ROLLUP_JOB)
      .executeTakeFirstOrThrow();
    expect(schedule.cron).toBe(ANALYTICS_ROLLUP_CRON);
    t.clock.set(new Date(schedule.next_run_at.getTime() + 60_000));
    await viewAt(t, macros, 'u:ben', t.clock.now().toISOString());
    expect(await t.platform.jobs.runDue()).toBeGreaterThanOrEqual(1);
    expect((await statsOf(t, macros)).at(-1)).toMatchObject({
      day: t.clock.now().toISOString().slice(0, 10),
      views: 1,
    });
  });
});
