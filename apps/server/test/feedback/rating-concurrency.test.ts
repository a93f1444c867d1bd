import type { Rating } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { insertNano } from '../search/search-fixtures.ts';
import { type Member, member, nanoCounters, put, ratingUrl, summaryUrl } from './feedback-fixtures.ts';

const PARALLEL_RATERS = 30;

describe(`ratings under concurrency (${testDatabaseKind})`, () => {
  let t: TestApp;
  let creator: Member;
  let raters: Member[];

  beforeAll(async () => {
    t = await buildTestApp();
    creator = await member(t, { role: 'creator' });
    raters = [];
    for (let i = 0; i < PARALLEL_RATERS; i++) {
      raters.push(await member(t));
    }
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it(`counts ${PARALLEL_RATERS} parallel ratings of one Nano exactly (no lost update)`, async () => {
    const nanoId = await insertNano(t, creator.user.id, { title: 'Heißer Nano' });
    const scores = raters.map((_, i) => (i % 5) + 1);
    const results = await Promise.all(
      raters.map((rater, i) =>
        put(rater.client, ratingUrl(nanoId), { score: scores[i], comment: `Nr. ${i}` }),
      ),
    );
    expect(results.map((res) => res.statusCode)).toEqual(raters.map(() => 200));

    const expectedAvg = scores.reduce((sum, s) => sum + s, 0) / scores.length;
    const counters = await nanoCounters(t, nanoId);
    expect(counters.ratingCount).toBe(PARALLEL_RATERS);
    expect(counters.ratingAvg).toBeCloseTo(expectedAvg, 10);
    const summary = (await creator.client.get(summaryUrl(nanoId))).json();
    expect(summary).toMatchObject({ count: PARALLEL_RATERS, distribution: [6, 6, 6, 6, 6] });

    // Parallel changes and deletions: the figures still match the rows.
    await Promise.all(
      raters.map((rater, i) =>
        i % 3 === 0
          ? rater.client.delete(ratingUrl(nanoId))
          : put(rater.client, ratingUrl(nanoId), { score: 5 }),
      ),
    );
    const rows = await t.platform.database.db
      .selectFrom('ratings')
      .select('score')
      .where('nano_id', '=', nanoId)
      .execute();
    expect(rows).toHaveLength(PARALLEL_RATERS - PARALLEL_RATERS / 3);
    expect(await nanoCounters(t, nanoId)).toEqual({ ratingCount: rows.length, ratingAvg: 5 });
  });

  it('keeps one rating when the same user sends five different scores at once', async () => {
    const nanoId = await insertNano(t, creator.user.id, { title: 'Doppelklick' });
    const rater = raters[0] as Member;
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((score) => put(rater.client, ratingUrl(nanoId), { score })),
    );
    expect(results.map((res) => res.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(results.map((res) => res.json<Rating>().id)).size).toBe(1);

    const rows = await t.platform.database.db
      .selectFrom('ratings')
      .select(['score'])
      .where('nano_id', '=', nanoId)
      .execute();
    expect(rows).toHaveLength(1);
    const stored = rows[0]?.score;
    expect(await nanoCounters(t, nanoId)).toEqual({ ratingCount: 1, ratingAvg: stored });
    const notifications = await t.platform.database.db
      .selectFrom('notifications')
      .select('payload')
      .where('user_id', '=', creator.user.id)
      .where('type', '=', 'rating.received')
      .execute();
    const forThisNano = notifications.filter((n) => (n.payload as { nanoId: string }).nanoId === nanoId);
    expect(forThisNano).toHaveLength(1);
  });
});
