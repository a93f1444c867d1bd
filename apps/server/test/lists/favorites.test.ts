import { favoritePageSchema } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { insertNano } from '../search/search-fixtures.ts';
import { favoriteCounts, put, setNanoStatus } from './list-fixtures.ts';

const FAV = '/api/v1/favorites';
const MINE = '/api/v1/me/favorites';

describe(`favourites (${testDatabaseKind})`, () => {
  let t: TestApp;
  let creator: TestUser;
  let alice: TestClient;
  let bob: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    creator = await createUser(t, { role: 'creator', displayName: 'Bildungswerk Süd' });
    alice = await signIn(t, await createUser(t), { ip: '198.51.100.30' });
    bob = await signIn(t, await createUser(t), { ip: '198.51.100.31' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('favourites idempotently: the count changes once, on the Nano and its search document', async () => {
    const nano = await insertNano(t, creator.id, { title: 'Pivot-Tabellen', favorites: 3 });
    const first = await put(alice, `${FAV}/${nano}`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ favorited: true, favoriteCount: 4 });
    expect((await put(alice, `${FAV}/${nano}`)).json()).toEqual({ favorited: true, favoriteCount: 4 });
    expect(await favoriteCounts(t, nano)).toEqual({ nano: 4, search: 4 });

    expect((await put(bob, `${FAV}/${nano}`)).json()).toEqual({ favorited: true, favoriteCount: 5 });
    const removed = await alice.delete(`${FAV}/${nano}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ favorited: false, favoriteCount: 4 });
    expect((await alice.delete(`${FAV}/${nano}`)).json()).toEqual({ favorited: false, favoriteCount: 4 });
    expect(await favoriteCounts(t, nano)).toEqual({ nano: 4, search: 4 });

    const row = await t.platform.database.db
      .selectFrom('favorites')
      .select(['created_at'])
      .where('nano_id', '=', nano)
      .executeTakeFirstOrThrow();
    expect(row.created_at.toISOString()).toBe(t.clock.now().toISOString());
  });

  it('never lets the count drop below zero', async () => {
    const nano = await insertNano(t, creator.id, { title: 'Zählerprobe' });
    await put(alice, `${FAV}/${nano}`);
    // A count that went wrong by hand must not turn negative when the favourite is removed.
    await t.platform.database.db
      .updateTable('nanos')
      .set({ favorite_count: 0 })
      .where('id', '=', nano)
      .execute();
    expect((await alice.delete(`${FAV}/${nano}`)).json()).toEqual({ favorited: false, favoriteCount: 0 });
  });

  it('keeps the count exact under parallel requests of many users and of one user', async () => {
    const nano = await insertNano(t, creator.id, { title: 'Gleichzeitig beliebt' });
    const users = await Promise.all(Array.from({ length: 8 }, () => createUser(t)));
    const clients: TestClient[] = [];
    for (const [i, user] of users.entries()) {
      clients.push(await signIn(t, user, { ip: `198.51.100.${100 + i}` }));
    }
    for (const client of clients) {
      await client.csrf();
    }
    // Every user twice at once: 16 parallel PUTs, 8 new rows.
    const puts = await Promise.all(
      clients.flatMap((c) => [put(c, `${FAV}/${nano}`), put(c, `${FAV}/${nano}`)]),
    );
    expect(puts.map((r) => r.statusCode)).toEqual(Array(16).fill(200));
    expect(await favoriteCounts(t, nano)).toEqual({ nano: 8, search: 8 });

    // One user ten times at once.
    const same = await Promise.all(Array.from({ length: 10 }, () => put(alice, `${FAV}/${nano}`)));
    expect(same.every((r) => r.statusCode === 200)).toBe(true);
    expect(await favoriteCounts(t, nano)).toEqual({ nano: 9, search: 9 });

    // Half remove (each twice), the others add again, all at once.
    const mixed = await Promise.all(
      clients.flatMap((c, i) =>
        i % 2 === 0 ? [c.delete(`${FAV}/${nano}`), c.delete(`${FAV}/${nano}`)] : [put(c, `${FAV}/${nano}`)],
      ),
    );
    expect(mixed.every((r) => r.statusCode === 200)).toBe(true);
    const rows = await t.platform.database.db
      .selectFrom('favorites')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('nano_id', '=', nano)
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(5);
    expect(await favoriteCounts(t, nano)).toEqual({ nano: 5, search: 5 });
  });

  it('only favourites published Nanos, but removes a favourite of any status', async () => {
    const draft = await insertNano(t, creator.id, { title: 'Noch ein Entwurf', status: 'draft' });
    const response = await put(alice, `${FAV}/${draft}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('not_found');
    expect((await put(alice, `${FAV}/0190a000-0000-7000-8000-000000000000`)).statusCode).toBe(404);
    expect((await put(alice, `${FAV}/kein-uuid`)).statusCode).toBe(400);

    const archived = await insertNano(t, creator.id, { title: 'Bald archiviert' });
    await put(alice, `${FAV}/${archived}`);
    await setNanoStatus(t, archived, 'archived');
    expect((await alice.delete(`${FAV}/${archived}`)).json()).toEqual({ favorited: false, favoriteCount: 0 });
  });

  it('requires sign-in and the CSRF token', async () => {
    const nano = await insertNano(t, creator.id, { title: 'Nur mit Anmeldung' });
    const guest = new TestClient(t.app, { ip: '198.51.100.39' });
    expect((await put(guest, `${FAV}/${nano}`)).statusCode).toBe(401);
    expect((await guest.get(`${MINE}/ids`)).statusCode).toBe(401);
    expect((await guest.get(MINE)).statusCode).toBe(401);
    const noCsrf = await alice.request({ method: 'PUT', url: `${FAV}/${nano}`, csrf: false });
    expect(noCsrf.statusCode).toBe(403);
  });

  describe('the own favourites', () => {
    let carol: TestClient;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      carol = await signIn(t, await createUser(t), { ip: '198.51.100.40' });
      const specs = [
        {
          key: 'excel',
          title: 'Excel für Einsteiger',
          level: 1,
          language: 'de',
          format: 'video',
          durationMinutes: 12,
          ratingAvg: 4.8,
          ratingCount: 40,
        },
        {
          key: 'zoom',
          title: 'Zoom-Meetings moderieren',
          level: 2,
          language: 'de',
          format: 'text',
          durationMinutes: 5,
          ratingAvg: 3.1,
          ratingCount: 10,
        },
        {
          key: 'agile',
          title: 'Agile basics',
          level: 2,
          language: 'en',
          format: 'video',
          durationMinutes: 30,
          ratingAvg: null,
          ratingCount: 0,
        },
        {
          key: 'aerger',
          title: 'Ärger im Team lösen',
          level: 3,
          language: 'de',
          format: 'quiz',
          durationMinutes: 8,
          ratingAvg: 4.2,
          ratingCount: 25,
        },
        {
          key: 'gone',
          title: 'Excel-Makros (archiviert)',
          level: 1,
          language: 'de',
          format: 'video',
          durationMinutes: 9,
          ratingAvg: 5,
          ratingCount: 99,
        },
      ] as const;
      for (const spec of specs) {
        const { key, ...rest } = spec;
        ids[key] = await insertNano(t, creator.id, rest);
        t.clock.advance(60_000);
        expect((await put(carol, `${FAV}/${ids[key]}`)).statusCode).toBe(200);
      }
      await setNanoStatus(t, ids.gone as string, 'archived');
    });

    const titlesOf = async (query: string) => {
      const response = await carol.get(`${MINE}${query}`);
      expect(response.statusCode).toBe(200);
      const page = favoritePageSchema.parse(response.json());
      return page.items.map((item) => item.nano.title);
    };

    it('lists only the published ones, newest first, as search cards with the added date', async () => {
      const response = await carol.get(MINE);
      const page = favoritePageSchema.parse(response.json());
      expect(page.total).toBe(4);
      expect(page.items.map((i) => i.nano.title)).toEqual([
        'Ärger im Team lösen',
        'Agile basics',
        'Zoom-Meetings moderieren',
        'Excel für Einsteiger',
      ]);
      expect(page.items[3]).toMatchObject({
        nano: {
          id: ids.excel,
          creator: { displayName: 'Bildungswerk Süd' },
          level: 1,
          favoriteCount: 1,
          ratingAverage: 4.8,
        },
      });
      expect(Date.parse(page.items[0]?.addedAt ?? '')).toBeGreaterThan(
        Date.parse(page.items[3]?.addedAt ?? ''),
      );
    });

    it('gives every favourited id (also unpublished ones) for the heart buttons', async () => {
      const response = await carol.get(`${MINE}/ids`);
      expect(response.statusCode).toBe(200);
      expect(new Set(response.json().ids)).toEqual(new Set(Object.values(ids)));
      expect((await bob.get(`${MINE}/ids`)).json().ids).not.toContain(ids.excel);
    });

    it('sorts by title, rating and duration', async () => {
      expect(await titlesOf('?sort=title')).toEqual([
        'Agile basics',
        'Ärger im Team lösen',
        'Excel für Einsteiger',
        'Zoom-Meetings moderieren',
      ]);
      // Bayesian rating score (prior 3.5 × 10): 4.54, 4.0, 3.5 (no ratings), 3.3.
      expect(await titlesOf('?sort=rating')).toEqual([
        'Excel für Einsteiger',
        'Ärger im Team lösen',
        'Agile basics',
        'Zoom-Meetings moderieren',
      ]);
      expect(await titlesOf('?sort=duration')).toEqual([
        'Zoom-Meetings moderieren',
        'Ärger im Team lösen',
        'Excel für Einsteiger',
        'Agile basics',
      ]);
    });

    it('filters by title words (case and accents ignored), level, language and format', async () => {
      expect(await titlesOf('?q=excel')).toEqual(['Excel für Einsteiger']);
      expect(await titlesOf('?q=arger%20TEAM')).toEqual(['Ärger im Team lösen']);
      expect(await titlesOf('?q=100%25')).toEqual([]);
      expect(await titlesOf('?level=2&sort=title')).toEqual(['Agile basics', 'Zoom-Meetings moderieren']);
      expect(await titlesOf('?language=en')).toEqual(['Agile basics']);
      expect(await titlesOf('?format=video&sort=title')).toEqual(['Agile basics', 'Excel für Einsteiger']);
      expect(await titlesOf('?format=video&language=de')).toEqual(['Excel für Einsteiger']);
      expect((await carol.get(`${MINE}?level=4`)).statusCode).toBe(400);
      expect((await carol.get(`${MINE}?sort=beliebt`)).statusCode).toBe(400);
    });

    it('pages', async () => {
      const second = favoritePageSchema.parse(
        (await carol.get(`${MINE}?sort=title&page=2&pageSize=3`)).json(),
      );
      expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(second.items.map((i) => i.nano.title)).toEqual(['Zoom-Meetings moderieren']);
    });
  });
});
