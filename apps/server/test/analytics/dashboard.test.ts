import { ANALYTICS_LIMITS } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollupAnalytics } from '../../src/modules/analytics/analytics.rollup.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { insertNano } from '../search/search-fixtures.ts';
import { rateAt } from './analytics-fixtures.ts';

const URL = '/api/v1/me/analytics';

interface Figures {
  views: number;
  uniqueViewers: number;
  downloads: number;
  favorites: number;
  ratingsCount: number;
  ratingAverage: number | null;
}

describe(`creator analytics API (${testDatabaseKind})`, () => {
  let t: TestApp;
  let creator: TestClient;
  let raters: TestUser[];
  const ids = { pivot: '', macros: '', draft: '', deleted: '', foreign: '' };

  /** A rollup row written directly, as the job would have written it. */
  async function dayStats(
    nanoId: string,
    day: string,
    figures: Partial<Record<string, number>>,
  ): Promise<void> {
    await t.platform.database.db
      .insertInto('nano_daily_stats')
      .values({ nano_id: nanoId, day, ...figures })
      .execute();
  }

  beforeAll(async () => {
    t = await buildTestApp();
    t.clock.set('2026-05-20T10:00:00.000Z');
    const owner = await createUser(t, { role: 'creator' });
    const other = await createUser(t, { role: 'creator' });
    raters = [await createUser(t), await createUser(t), await createUser(t)];
    ids.pivot = await insertNano(t, owner.id, { title: 'Pivot-Tabellen' });
    ids.macros = await insertNano(t, owner.id, { title: 'Makros aufzeichnen' });
    ids.draft = await insertNano(t, owner.id, { title: 'Entwurf: Power Query', status: 'draft' });
    ids.deleted = await insertNano(t, owner.id, { title: 'Gelöscht', status: 'deleted' });
    ids.foreign = await insertNano(t, other.id, { title: 'Fremder Nano' });
    creator = await signIn(t, owner, { ip: '10.70.0.1' });

    await dayStats(ids.pivot, '2026-05-10', { views: 10, unique_viewers: 7, downloads: 2, favorites: 1 });
    await dayStats(ids.pivot, '2026-05-12', {
      views: 20,
      unique_viewers: 12,
      downloads: 3,
      ratings_count: 2,
      ratings_sum: 9,
    });
    await dayStats(ids.macros, '2026-05-12', {
      views: 5,
      unique_viewers: 5,
      ratings_count: 1,
      ratings_sum: 3,
    });
    await dayStats(ids.macros, '2026-04-01', { views: 100, unique_viewers: 90 });
    await dayStats(ids.deleted, '2026-05-12', { views: 1000, unique_viewers: 900 });
    await dayStats(ids.foreign, '2026-05-12', { views: 500, unique_viewers: 400 });

    // All-time ratings: pivot 5, 4, 4 and an excluded 1; macros 3; the foreign Nano 2.
    await rateAt(t, raters[0]?.id ?? '', ids.pivot, 5, '2026-05-12T08:00:00Z');
    await rateAt(t, raters[1]?.id ?? '', ids.pivot, 4, '2026-05-12T09:00:00Z');
    await rateAt(t, raters[2]?.id ?? '', ids.pivot, 4, '2026-03-01T09:00:00Z');
    await rateAt(t, owner.id, ids.pivot, 1, '2026-03-02T09:00:00Z', false);
    await rateAt(t, raters[0]?.id ?? '', ids.macros, 3, '2026-05-12T10:00:00Z');
    await rateAt(t, raters[0]?.id ?? '', ids.foreign, 2, '2026-05-12T10:00:00Z');
  });
  afterAll(async () => {
    await t.close();
  });

  it('sums the days of the range, fills missing days with zeros and lists every own Nano', async () => {
    const res = await creator.get(`${URL}?from=2026-05-09&to=2026-05-13`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const body = res.json();
    expect(body).toMatchObject({ from: '2026-05-09', to: '2026-05-13', updatedAt: null });
    expect(body.days.map((d: { day: string }) => d.day)).toEqual([
      '2026-05-09',
      '2026-05-10',
      '2026-05-11',
      '2026-05-12',
      '2026-05-13',
    ]);
    expect(body.days[0]).toEqual({
      day: '2026-05-09',
      views: 0,
      uniqueViewers: 0,
      downloads: 0,
      favorites: 0,
      ratingsCount: 0,
      ratingAverage: null,
    });
    expect(body.days[3]).toEqual({
      day: '2026-05-12',
      views: 25,
      uniqueViewers: 17,
      downloads: 3,
      favorites: 0,
      ratingsCount: 3,
      ratingAverage: 4,
    });
    expect(body.totals).toEqual({
      views: 35,
      uniqueViewers: 24,
      downloads: 5,
      favorites: 1,
      ratingsCount: 3,
      ratingAverage: 4,
    });
    // The totals are the sum of the days.
    for (const key of ['views', 'uniqueViewers', 'downloads', 'favorites', 'ratingsCount'] as const) {
      expect(body.days.reduce((sum: number, d: Figures) => sum + d[key], 0)).toBe(body.totals[key]);
    }

    // Every own Nano but the deleted one, most viewed first; the foreign one never.
    expect(body.nanos.map((n: { title: string }) => n.title)).toEqual([
      'Pivot-Tabellen',
      'Makros aufzeichnen',
      'Entwurf: Power Query',
    ]);
    expect(body.nanos[0]).toEqual({
      nanoId: ids.pivot,
      title: 'Pivot-Tabellen',
      status: 'published',
      views: 30,
      uniqueViewers: 19,
      downloads: 5,
      favorites: 1,
      ratingsCount: 2,
      ratingAverage: 4.5,
      ratingDistribution: [0, 0, 0, 2, 1],
      ratingAverageAllTime: 13 / 3,
      ratingCountAllTime: 3,
    });
    expect(body.nanos[2]).toMatchObject({
      status: 'draft',
      views: 0,
      ratingAverage: null,
      ratingDistribution: [0, 0, 0, 0, 0],
      ratingAverageAllTime: null,
      ratingCountAllTime: 0,
    });
    expect(body.ratingDistribution).toEqual([0, 0, 1, 2, 1]);
  });

  it('narrows the totals, the days and the distribution to one own Nano', async () => {
    const res = await creator.get(`${URL}?from=2026-05-09&to=2026-05-13&nanoId=${ids.macros}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.totals).toEqual({
      views: 5,
      uniqueViewers: 5,
      downloads: 0,
      favorites: 0,
      ratingsCount: 1,
      ratingAverage: 3,
    });
    expect(body.days.map((d: Figures) => d.views)).toEqual([0, 0, 0, 5, 0]);
    expect(body.ratingDistribution).toEqual([0, 0, 1, 0, 0]);
    // The table still lists every own Nano.
    expect(body.nanos).toHaveLength(3);
  });

  it("answers 404 for another creator's Nano and for a deleted one", async () => {
    for (const id of [ids.foreign, ids.deleted]) {
      const res = await creator.get(`${URL}?nanoId=${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('defaults to the last 30 days up to today (UTC)', async () => {
    const body = (await creator.get(URL)).json();
    expect(body.to).toBe('2026-05-20');
    expect(body.from).toBe('2026-04-21');
    expect(body.days).toHaveLength(ANALYTICS_LIMITS.defaultRangeDays);
    expect(body.totals.views).toBe(35);

    const fromOnly = (await creator.get(`${URL}?from=2026-03-31`)).json();
    expect(fromOnly).toMatchObject({ from: '2026-03-31', to: '2026-05-20' });
    expect(fromOnly.totals.views).toBe(135);
  });

  it('refuses a reversed or too long range and malformed parameters with localised field errors', async () => {
    const reversed = await creator.get(`${URL}?from=2026-05-13&to=2026-05-09`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'query.from', code: 'date_range', message: expect.stringContaining('Startdatum') }],
    });

    const longest = await creator.get(`${URL}?from=2025-05-20&to=2026-05-20`);
    expect(longest.statusCode).toBe(200);
    expect(longest.json().days).toHaveLength(ANALYTICS_LIMITS.rangeMaxDays);
    const tooLong = await creator.get(`${URL}?from=2025-05-19&to=2026-05-20`, { 'accept-language': 'en' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({
      errors: [
        {
          field: 'query.from',
          code: 'analytics_range_too_long',
          message: `The period may cover at most ${ANALYTICS_LIMITS.rangeMaxDays} days.`,
        },
      ],
    });

    const malformed = await creator.get(`${URL}?from=20.05.2026&nanoId=abc`);
    expect(malformed.statusCode).toBe(400);
    expect(
      malformed
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['query.from', 'query.nanoId']);
  });

  it('is for creators and staff only', async () => {
    const consumer = await signIn(t, await createUser(t), { ip: '10.70.0.2' });
    expect((await consumer.get(URL)).statusCode).toBe(403);
    expect((await new TestClient(t.app, { ip: '10.70.0.3' }).get(URL)).statusCode).toBe(401);
    const moderator = await signIn(t, await createUser(t, { role: 'moderator' }), { ip: '10.70.0.4' });
    const own = (await moderator.get(URL)).json();
    expect(own.nanos).toEqual([]);
    expect(own.totals.views).toBe(0);
    expect(own.ratingDistribution).toEqual([0, 0, 0, 0, 0]);
  });

  it('says when the rollup last ran', async () => {
    await rollupAnalytics({ db: t.platform.database.db, clock: t.clock });
    const body = (await creator.get(`${URL}?from=2026-05-09&to=2026-05-13`)).json();
    expect(body.updatedAt).toBe('2026-05-20T10:00:00.000Z');
  });
});
