import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, type TestUser } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { insertNano, titles } from './search-fixtures.ts';

type Facets = Record<string, Array<{ value: string; count: number }>>;
const counts = (facets: Facets, facet: string) =>
  Object.fromEntries(facets[facet]?.map((f) => [f.value, f.count]) ?? []);

describe(`search filters, facets, sorting and paging (${testDatabaseKind})`, () => {
  let t: TestApp;
  let guest: TestClient;
  let alice: TestUser;
  const category: Record<string, string> = {};
  const search = async (params: string) => {
    const res = await guest.get(`/api/v1/search?${params}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await buildTestApp();
    guest = new TestClient(t.app, { ip: '198.51.100.81' });
    alice = await createUser(t, { role: 'creator', username: 'alice-lehrt' });
    const bob = await createUser(t, { role: 'creator' });
    for (const row of await t.platform.database.db
      .selectFrom('categories')
      .select(['id', 'slug'])
      .execute()) {
      category[row.slug] = row.id;
    }
    const day = (n: number) => new Date(Date.UTC(2026, 0, n));
    // The hand-counted dataset: five Nanos match "lernen", one does not.
    await insertNano(t, alice.id, {
      title: 'Lernen mit Excel',
      level: 1,
      language: 'de',
      format: 'text',
      license: 'CC-BY-4.0',
      durationMinutes: 5,
      categories: ['business-excel'],
      publishedAt: day(1),
      ratingAvg: 4,
      ratingCount: 3,
      views: 10,
    });
    await insertNano(t, bob.id, {
      title: 'Lernen with Python',
      level: 1,
      language: 'en',
      format: 'video',
      license: 'CC0-1.0',
      durationMinutes: 12,
      categories: ['it-python'],
      publishedAt: day(2),
      views: 50,
    });
    await insertNano(t, alice.id, {
      title: 'Formeln lernen',
      level: 2,
      language: 'de',
      format: 'video',
      license: 'CC-BY-4.0',
      durationMinutes: 25,
      categories: ['business-excel'],
      publishedAt: day(3),
      ratingAvg: 2,
      ratingCount: 4,
      views: 5,
    });
    await insertNano(t, bob.id, {
      title: 'Zuhören lernen',
      level: 3,
      language: 'de',
      format: 'quiz',
      license: 'proprietary',
      durationMinutes: 45,
      categories: ['kommunikation-gespraechsfuehrung'],
      publishedAt: day(4),
    });
    await insertNano(t, bob.id, {
      title: 'Lernen with Pandas',
      level: 2,
      language: 'en',
      format: 'text',
      license: 'CC-BY-SA-4.0',
      durationMinutes: 90,
      categories: ['it-python'],
      publishedAt: day(5),
    });
    await insertNano(t, bob.id, { title: 'Etwas anderes', level: 1, publishedAt: day(6) });
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts each facet with every other filter applied', async () => {
    const body = await search('q=lernen&level=1');
    expect(body.total).toBe(2);
    expect(titles(body).sort()).toEqual(['Lernen mit Excel', 'Lernen with Python']);
    expect(counts(body.facets, 'level')).toEqual({ '1': 2, '2': 2, '3': 1 });
    expect(counts(body.facets, 'language')).toEqual({ de: 1, en: 1 });
    expect(counts(body.facets, 'format')).toEqual({ text: 1, video: 1 });
    expect(counts(body.facets, 'license')).toEqual({ 'CC-BY-4.0': 1, 'CC0-1.0': 1 });
    expect(counts(body.facets, 'duration')).toEqual({ '1-5': 1, '6-15': 1 });
    expect(counts(body.facets, 'category')).toEqual({
      [category['business-excel'] as string]: 1,
      [category.business as string]: 1,
      [category['it-python'] as string]: 1,
      [category.it as string]: 1,
    });

    const two = await search('q=lernen&level=1&level=2&language=de');
    expect(titles(two).sort()).toEqual(['Formeln lernen', 'Lernen mit Excel']);
    expect(counts(two.facets, 'level')).toEqual({ '1': 1, '2': 1, '3': 1 });
    expect(counts(two.facets, 'language')).toEqual({ de: 2, en: 2 });
  });

  it('includes the children when filtering by a top-level category', async () => {
    expect(titles(await search(`category=${category.business}`)).sort()).toEqual([
      'Formeln lernen',
      'Lernen mit Excel',
    ]);
    expect(titles(await search(`category=${category['it-python']}&q=pandas`))).toEqual([
      'Lernen with Pandas',
    ]);
  });

  it('filters by duration range, minimum rating, format, licence and creator', async () => {
    expect(titles(await search('q=lernen&durationMin=10&durationMax=30')).sort()).toEqual([
      'Formeln lernen',
      'Lernen with Python',
    ]);
    expect(titles(await search('minRating=3'))).toEqual(['Lernen mit Excel']);
    expect(titles(await search('format=quiz'))).toEqual(['Zuhören lernen']);
    expect(titles(await search('license=CC-BY-SA-4.0'))).toEqual(['Lernen with Pandas']);
    expect(titles(await search('creator=alice-lehrt&sort=newest'))).toEqual([
      'Formeln lernen',
      'Lernen mit Excel',
    ]);
    expect((await search('creator=niemand-hier')).total).toBe(0);
  });

  it('sorts by newest, duration, popularity and Bayesian rating', async () => {
    expect(titles(await search('q=lernen&sort=newest'))).toEqual([
      'Lernen with Pandas',
      'Zuhören lernen',
      'Formeln lernen',
      'Lernen with Python',
      'Lernen mit Excel',
    ]);
    expect(titles(await search('q=lernen&sort=duration'))[0]).toBe('Lernen mit Excel');
    expect(titles(await search('q=lernen&sort=popular'))[0]).toBe('Lernen with Python');
    // 4 ★ from 3 votes beats no votes beats 2 ★ from 4 votes.
    const rating = titles(await search('q=lernen&sort=rating'));
    expect(rating[0]).toBe('Lernen mit Excel');
    expect(rating.at(-1)).toBe('Formeln lernen');
  });

  it('ranks 200 votes of 4.7 ★ above a single 5 ★ vote', async () => {
    await insertNano(t, alice.id, {
      title: 'Bewertet einmal',
      ratingAvg: 5,
      ratingCount: 1,
      tags: ['bayes'],
    });
    await insertNano(t, alice.id, {
      title: 'Bewertet oft',
      ratingAvg: 4.7,
      ratingCount: 200,
      tags: ['bayes'],
    });
    expect(titles(await search('q=bayes&sort=rating'))).toEqual(['Bewertet oft', 'Bewertet einmal']);
    expect(titles(await search('q=bayes'))).toEqual(['Bewertet oft', 'Bewertet einmal']);
  });

  it('pages stably through equal matches without gaps or repeats', async () => {
    const creator = await createUser(t, { role: 'creator' });
    for (let i = 0; i < 25; i++) {
      await insertNano(t, creator.id, {
        title: `Stapel ${i}`,
        tags: ['stapel'],
        publishedAt: new Date(Date.UTC(2026, 1, 1)),
      });
    }
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const body = await search(`q=stapel&pageSize=10&page=${page}`);
      expect(body).toMatchObject({ total: 25, page, pageSize: 10 });
      seen.push(...body.items.map((item: { id: string }) => item.id));
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const again = await search('q=stapel&pageSize=10&page=2');
    expect(again.items.map((item: { id: string }) => item.id)).toEqual(seen.slice(10, 20));
  });

  it('refuses invalid parameters with 400 naming the parameter, in German and English', async () => {
    const cases: Array<[string, string]> = [
      ['sort=best', 'query.sort'],
      ['pageSize=101', 'query.pageSize'],
      ['durationMin=50&durationMax=10', 'query.durationMin'],
      [`q=${'a'.repeat(201)}`, 'query.q'],
      ['level=4', 'query.level'],
      ['language=xx', 'query.language'],
      ['category=nicht-uuid', 'query.category'],
      ['minRating=6', 'query.minRating'],
    ];
    for (const [params, field] of cases) {
      const res = await guest.get(`/api/v1/search?${params}`);
      expect(res.statusCode, params).toBe(400);
      expect(res.json().code).toBe('validation_failed');
      const fields: string[] = res.json().errors.map((e: { field: string }) => e.field);
      expect(
        fields.some((f) => f === field || f.startsWith(`${field}.`)),
        `${params}: ${fields}`,
      ).toBe(true);
    }
    const en = await guest.get('/api/v1/search?durationMin=50&durationMax=10', { 'accept-language': 'en' });
    expect(en.json().errors[0].message).toBe('The minimum duration must not be greater than the maximum.');
    const de = await guest.get('/api/v1/search?durationMin=50&durationMax=10');
    expect(de.json().errors[0].message).toBe('Die Mindestdauer darf nicht größer als die Höchstdauer sein.');
  });
});
