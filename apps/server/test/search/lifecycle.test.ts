import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { APPROVE, createDraftWithFile } from '../nano-fixtures.ts';
import { insertNano, titles } from './search-fixtures.ts';

describe(`search freshness, caching, discover, featured and analytics (${testDatabaseKind})`, () => {
  let t: TestApp;
  let guest: TestClient;
  let creator: TestClient;
  let moderator: TestClient;
  let admin: TestClient;
  let consumer: TestClient;
  const found = async (q: string) =>
    titles((await guest.get(`/api/v1/search?q=${encodeURIComponent(q)}`)).json());

  beforeAll(async () => {
    t = await buildTestApp();
    guest = new TestClient(t.app, { ip: '198.51.100.90' });
    creator = await signIn(t, await createUser(t, { role: 'creator' }), { ip: '198.51.100.91' });
    moderator = await signIn(t, await createUser(t, { role: 'moderator' }), { ip: '198.51.100.92' });
    admin = await signIn(t, await createUser(t, { role: 'admin' }), { ip: '198.51.100.93' });
    consumer = await signIn(t, await createUser(t, { role: 'consumer' }), { ip: '198.51.100.94' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds a Nano only while it is published, with no reindex step', async () => {
    const title = 'Zebrafinken richtig füttern';
    // A guest asks first, so a cached answer exists that the publication must replace.
    expect(await found('Zebrafinken')).toEqual([]);
    const id = await createDraftWithFile(t, creator, undefined, { title, tags: ['vögel'] });
    expect(await found('Zebrafinken')).toEqual([]);
    expect((await creator.post(`/api/v1/nanos/${id}/submit`)).statusCode).toBe(200);
    expect(await found('Zebrafinken')).toEqual([]);
    const decision = await moderator.post(`/api/v1/moderation/nanos/${id}/decision`, APPROVE);
    expect(decision.statusCode).toBe(200);
    expect(await found('Zebrafinken')).toEqual([title]);

    const current = (await creator.get(`/api/v1/nanos/${id}`)).json();
    const renamed = await creator.patch(`/api/v1/nanos/${id}`, {
      title: 'Kanarienvögel richtig füttern',
      rowVersion: current.rowVersion,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const after = await found('Kanarienvögel');
    if (renamed.json().status === 'published') {
      expect(after).toEqual(['Kanarienvögel richtig füttern']);
      expect(await found('Zebrafinken')).toEqual([]);
    }

    expect((await creator.post(`/api/v1/nanos/${id}/archive`)).statusCode).toBe(200);
    expect(await found('füttern')).toEqual([]);
    const restored = await creator.post(`/api/v1/nanos/${id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect((await found('füttern')).length).toBe(restored.json().status === 'published' ? 1 : 0);
    expect((await creator.request({ method: 'DELETE', url: `/api/v1/nanos/${id}` })).statusCode).toBe(204);
    expect(await found('füttern')).toEqual([]);
  });

  it('never finds drafts, pending, archived or deleted Nanos', async () => {
    const user = await createUser(t, { role: 'creator' });
    for (const status of ['draft', 'pending_review', 'archived', 'deleted'] as const) {
      await insertNano(t, user.id, { title: `Unsichtbar ${status}`, tags: ['unsichtbar'], status });
    }
    await insertNano(t, user.id, { title: 'Sichtbar', tags: ['unsichtbar'] });
    expect(await found('unsichtbar')).toEqual(['Sichtbar']);
  });

  it('lets guests cache answers (ETag, 304) and keeps signed-in answers private', async () => {
    const first = await guest.get('/api/v1/search?q=sichtbar');
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    const etag = first.headers.etag as string;
    expect(etag).toBeTruthy();
    const again = await guest.get('/api/v1/search?q=sichtbar', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    const signedIn = await consumer.get('/api/v1/search?q=sichtbar');
    expect(signedIn.headers['cache-control']).toBe('private, no-cache');
    expect(signedIn.json().items).toEqual(first.json().items);
  });

  it('builds the home page blocks: for you from interests, newest, trending, top rated, featured', async () => {
    const user = await createUser(t, { role: 'creator' });
    const python = await insertNano(t, user.id, {
      title: 'Python für Büroarbeit',
      categories: ['it-python'],
      ratingAvg: 4.8,
      ratingCount: 40,
    });
    // Trending: viewed in the last 7 days (viewed before the blocks are first cached).
    expect((await guest.get(`/api/v1/nanos/${python}`)).statusCode).toBe(200);
    const guestView = (await guest.get('/api/v1/discover')).json();
    expect(guestView.trending.map((n: { id: string }) => n.id)).toContain(python);
    expect(guestView.forYou).toBeNull();
    expect(guestView.newest.length).toBeGreaterThan(0);
    expect(guestView.topRated[0].id).toBe(python);
    expect(guestView.topRated[0].ratingAverage).toBe(4.8);

    expect((await consumer.get('/api/v1/discover')).json().forYou).toEqual([]);
    const tree = (await guest.get('/api/v1/categories')).json();
    const it = tree.items.find((c: { slug: string }) => c.slug === 'it');
    expect((await consumer.patch('/api/v1/me/profile', { interests: [it.id] })).statusCode).toBe(200);
    const mine = (await consumer.get('/api/v1/discover')).json();
    expect(mine.forYou.map((n: { id: string }) => n.id)).toEqual([python]);

    // Featured: admins pick, everyone sees.
    expect(
      (await consumer.request({ method: 'PUT', url: `/api/v1/admin/featured/${python}` })).statusCode,
    ).toBe(403);
    expect((await admin.request({ method: 'PUT', url: `/api/v1/admin/featured/${python}` })).statusCode).toBe(
      204,
    );
    expect((await admin.request({ method: 'PUT', url: `/api/v1/admin/featured/${python}` })).statusCode).toBe(
      204,
    );
    expect((await admin.get('/api/v1/admin/featured')).json().items.map((n: { id: string }) => n.id)).toEqual(
      [python],
    );
    expect((await guest.get('/api/v1/discover')).json().featured.map((n: { id: string }) => n.id)).toEqual([
      python,
    ]);
    const draft = await insertNano(t, user.id, { title: 'Entwurf', status: 'draft' });
    expect((await admin.request({ method: 'PUT', url: `/api/v1/admin/featured/${draft}` })).statusCode).toBe(
      404,
    );
    expect(
      (await admin.request({ method: 'DELETE', url: `/api/v1/admin/featured/${python}` })).statusCode,
    ).toBe(204);
    expect((await admin.get('/api/v1/admin/featured')).json().items).toEqual([]);
  });

  it('logs queries anonymously and reports top, zero-result queries and click-through to admins', async () => {
    const user = await createUser(t, { role: 'creator' });
    const nanoId = await insertNano(t, user.id, { title: 'Analysefähig' });
    await guest.get('/api/v1/search?q=Analysef%C3%A4hig');
    await consumer.get('/api/v1/search?q=analysefahig');
    await guest.get('/api/v1/search?q=analysefahig&page=2');
    await guest.get(`/api/v1/search?q=${encodeURIComponent('Xylophon-Kurs')}`);
    const click = await guest.post('/api/v1/search/clicks', { q: 'Analysefähig', nanoId, position: 1 });
    expect(click.statusCode).toBe(204);

    const logged = await t.platform.database.db.selectFrom('search_queries').selectAll().execute();
    expect(Object.keys(logged[0] ?? {}).sort()).toEqual([
      'created_at',
      'filters',
      'id',
      'query_norm',
      'result_count',
    ]);

    expect((await consumer.get('/api/v1/admin/search-analytics')).statusCode).toBe(403);
    const report = await admin.get('/api/v1/admin/search-analytics');
    expect(report.statusCode).toBe(200);
    const body = report.json();
    const analysis = body.topQueries.find((q: { query: string }) => q.query === 'analysefahig');
    expect(analysis).toMatchObject({ searches: 2, clicks: 1, avgResults: 1 });
    expect(body.zeroResultQueries).toContainEqual({ query: 'xylophon-kurs', searches: 1 });
    expect(body.clickThroughRate).toBeGreaterThan(0);
    const bad = await admin.get('/api/v1/admin/search-analytics?from=2026-05-02&to=2026-05-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('query.from');
  });
});
