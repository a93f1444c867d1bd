import { FEEDBACK_LIMITS, type FieldError, type Rating, type RatingSummary } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { TestClient } from '../http-client.ts';
import { insertNano } from '../search/search-fixtures.ts';
import {
  type Member,
  member,
  nanoCounters,
  notificationsOf,
  put,
  ratingsUrl,
  ratingUrl,
  summaryUrl,
} from './feedback-fixtures.ts';

describe(`ratings: rules and figures (${testDatabaseKind})`, () => {
  let t: TestApp;
  let creator: Member;
  let alice: Member;
  let bob: Member;
  let moderator: Member;
  let guest: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    creator = await member(t, { role: 'creator', displayName: 'VHS Teststadt' });
    alice = await member(t, { displayName: 'Alice Lernend' });
    bob = await member(t);
    moderator = await member(t, { role: 'moderator' });
    guest = new TestClient(t.app, { ip: '198.51.100.99' });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const summaryFor = async (client: TestClient, nanoId: string) => {
    const res = await client.get(summaryUrl(nanoId));
    expect(res.statusCode).toBe(200);
    return res.json<RatingSummary>();
  };

  it('creates, replaces and deletes the own rating and keeps count, average and distribution exact', async () => {
    const nanoId = await insertNano(t, creator.user.id, { title: 'Excel Pivot in 10 Minuten' });

    const first = await put(alice.client, ratingUrl(nanoId), { score: 4, comment: '  Sehr hilfreich!  ' });
    expect(first.statusCode).toBe(200);
    const created = first.json<Rating>();
    expect(created).toMatchObject({
      nanoId,
      score: 4,
      comment: 'Sehr hilfreich!',
      commentHidden: false,
      mine: true,
      helpfulCount: 0,
      helpfulByMe: false,
      reply: null,
      author: { username: alice.user.username, displayName: 'Alice Lernend', verified: false },
    });
    expect(await nanoCounters(t, nanoId)).toEqual({ ratingCount: 1, ratingAvg: 4 });

    expect((await put(bob.client, ratingUrl(nanoId), { score: 2 })).json()).toMatchObject({ comment: null });
    expect(await nanoCounters(t, nanoId)).toEqual({ ratingCount: 2, ratingAvg: 3 });
    expect(await summaryFor(bob.client, nanoId)).toMatchObject({
      average: 3,
      count: 2,
      distribution: [0, 1, 0, 1, 0],
      mine: { score: 2, mine: true },
      canRate: true,
    });

    t.clock.advance(60_000);
    const replaced = await put(alice.client, ratingUrl(nanoId), { score: 5, comment: '   ' });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json<Rating>()).toMatchObject({
      id: created.id,
      score: 5,
      comment: null,
      createdAt: created.createdAt,
    });
    expect(replaced.json<Rating>().updatedAt > created.updatedAt).toBe(true);
    const rows = await t.platform.database.db
      .selectFrom('ratings')
      .select('id')
      .where('nano_id', '=', nanoId)
      .where('user_id', '=', alice.user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(await nanoCounters(t, nanoId)).toEqual({ ratingCount: 2, ratingAvg: 3.5 });
    expect(await summaryFor(guest, nanoId)).toMatchObject({
      average: 3.5,
      count: 2,
      distribution: [0, 1, 0, 0, 1],
      mine: null,
      canRate: false,
    });

    expect((await bob.client.delete(ratingUrl(nanoId))).statusCode).toBe(204);
    expect((await bob.client.delete(ratingUrl(nanoId))).statusCode).toBe(404);
    expect(await nanoCounters(t, nanoId)).toEqual({ ratingCount: 1, ratingAvg: 5 });
    expect((await alice.client.delete(ratingUrl(nanoId))).statusCode).toBe(204);
    expect(await nanoCounters(t, nanoId)).toEqual({ ratingCount: 0, ratingAvg: null });
    expect(await summaryFor(alice.client, nanoId)).toMatchObject({
      average: null,
      count: 0,
      distribution: [0, 0, 0, 0, 0],
      mine: null,
      canRate: true,
    });
  });

  it('rounds the average to one decimal in the summary and keeps it exact on the Nano', async () => {
    const nanoId = await insertNano(t, creator.user.id, { title: 'Drei Bewertungen' });
    await put(alice.client, ratingUrl(nanoId), { score: 5 });
    await put(bob.client, ratingUrl(nanoId), { score: 4 });
    await put(moderator.client, ratingUrl(nanoId), { score: 4 });
    expect((await nanoCounters(t, nanoId)).ratingAvg).toBeCloseTo(13 / 3, 10);
    expect(await summaryFor(guest, nanoId)).toMatchObject({ average: 4.3, count: 3 });
  });

  it('leaves out scores that moderation excluded, but counts hidden comments', async () => {
    const nanoId = await insertNano(t, creator.user.id, { title: 'Ausgeschlossene Wertung' });
    const excluded = (
      await put(alice.client, ratingUrl(nanoId), { score: 1, comment: 'Spam' })
    ).json<Rating>();
    await t.platform.database.db
      .updateTable('ratings')
      .set({ score_counts: false, comment_hidden_at: t.clock.now() })
      .where('id', '=', excluded.id)
      .execute();
    // The next write recomputes the figures from the rows that count.
    await put(bob.client, ratingUrl(nanoId), { score: 5 });
    expect(await nanoCounters(t, nanoId)).toEqual({ ratingCount: 1, ratingAvg: 5 });
    expect(await summaryFor(guest, nanoId)).toMatchObject({ count: 1, distribution: [0, 0, 0, 0, 1] });
    // The list still shows the rating (its score, without the hidden text).
    expect((await guest.get(ratingsUrl(nanoId))).json().total).toBe(2);
  });

  it('refuses guests, the creator, suspended accounts and Nanos that are not published', async () => {
    const nanoId = await insertNano(t, creator.user.id, { title: 'Rechte beim Bewerten' });
    const anonymous = await put(guest, ratingUrl(nanoId), { score: 5 });
    expect(anonymous.statusCode).toBe(401);

    const own = await put(creator.client, ratingUrl(nanoId), { score: 5 });
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({
      code: 'own_nano_rating',
      title: 'Eigene Nanos können Sie nicht bewerten.',
    });
    const ownEnglish = await creator.client.request({
      method: 'PUT',
      url: ratingUrl(nanoId),
      payload: { score: 5 },
      headers: { 'accept-language': 'en' },
    });
    expect(ownEnglish.json()).toMatchObject({ title: 'You cannot rate your own Nano.' });
    expect(await summaryFor(creator.client, nanoId)).toMatchObject({ canRate: false, mine: null });

    const draftId = await insertNano(t, creator.user.id, { title: 'Noch ein Entwurf', status: 'draft' });
    expect((await put(alice.client, ratingUrl(draftId), { score: 4 })).statusCode).toBe(404);
    expect((await alice.client.get(ratingsUrl(draftId))).statusCode).toBe(404);
    expect((await guest.get(summaryUrl(draftId))).statusCode).toBe(404);
    const staff = await put(moderator.client, ratingUrl(draftId), { score: 4 });
    expect(staff.statusCode).toBe(409);
    expect(staff.json()).toMatchObject({ code: 'nano_not_published' });
    expect((await creator.client.get(ratingsUrl(draftId))).statusCode).toBe(200);
    expect(await summaryFor(moderator.client, draftId)).toMatchObject({ canRate: false });

    expect(
      (await put(alice.client, ratingUrl('0190e0a8-0000-7000-8000-000000000000'), { score: 3 })).statusCode,
    ).toBe(404);

    const suspended = await member(t);
    await t.platform.database.db
      .updateTable('users')
      .set({ status: 'suspended' })
      .where('id', '=', suspended.user.id)
      .execute();
    expect((await put(suspended.client, ratingUrl(nanoId), { score: 1 })).statusCode).toBe(401);
    expect(await nanoCounters(t, nanoId)).toEqual({ ratingCount: 0, ratingAvg: null });
  });

  it('lets the rater delete the rating of a Nano that was archived meanwhile, but not change it', async () => {
    const nanoId = await insertNano(t, creator.user.id, { title: 'Wird archiviert' });
    await put(alice.client, ratingUrl(nanoId), { score: 2 });
    await t.platform.database.db
      .updateTable('nanos')
      .set({ status: 'archived' })
      .where('id', '=', nanoId)
      .execute();
    expect((await put(alice.client, ratingUrl(nanoId), { score: 5 })).statusCode).toBe(404);
    expect((await alice.client.delete(ratingUrl(nanoId))).statusCode).toBe(204);
    expect(await nanoCounters(t, nanoId)).toEqual({ ratingCount: 0, ratingAvg: null });
  });

  it('validates score and comment with field errors', async () => {
    const nanoId = await insertNano(t, creator.user.id, { title: 'Eingaben prüfen' });
    for (const score of [0, 6, 2.5, '4']) {
      const res = await put(alice.client, ratingUrl(nanoId), { score });
      expect(res.statusCode, `score ${score}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
      expect(res.json<{ errors: FieldError[] }>().errors.map((e) => e.field)).toEqual(['body.score']);
    }
    const tooLong = await put(alice.client, ratingUrl(nanoId), {
      score: 3,
      comment: 'x'.repeat(FEEDBACK_LIMITS.commentMax + 1),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json<{ errors: FieldError[] }>().errors).toEqual([
      expect.objectContaining({ field: 'body.comment', message: 'Höchstens 500 Zeichen.' }),
    ]);
    expect(await nanoCounters(t, nanoId)).toEqual({ ratingCount: 0, ratingAvg: null });

    // The limit counts after trimming; HTML is stored as typed (the web shows it as text).
    const longest = `  ${'ä'.repeat(FEEDBACK_LIMITS.commentMax - 11)}<b>fett</b>  `;
    const ok = await put(alice.client, ratingUrl(nanoId), { score: 3, comment: longest });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<Rating>().comment).toBe(longest.trim());
    expect(ok.json<Rating>().comment).toHaveLength(FEEDBACK_LIMITS.commentMax);
  });

  it('notifies the creator of a new rating (not of edits) in the same transaction', async () => {
    const nanoId = await insertNano(t, creator.user.id, { title: 'Benachrichtigt' });
    const before = (await notificationsOf(t, creator.user.id, 'rating.received')).length;
    const rating = (await put(alice.client, ratingUrl(nanoId), { score: 4, comment: 'Gut' })).json<Rating>();
    await put(alice.client, ratingUrl(nanoId), { score: 3 });
    await put(bob.client, ratingUrl(nanoId), { score: 5 });
    const received = (await notificationsOf(t, creator.user.id, 'rating.received')).slice(before);
    expect(received).toEqual([
      {
        nanoId,
        nanoTitle: 'Benachrichtigt',
        ratingId: rating.id,
        score: 4,
        hasComment: true,
        raterName: 'Alice Lernend',
      },
      expect.objectContaining({ nanoId, score: 5, hasComment: false }),
    ]);
    // A refused rating leaves no notification behind.
    await put(creator.client, ratingUrl(nanoId), { score: 5 });
    expect(await notificationsOf(t, creator.user.id, 'rating.received')).toHaveLength(before + 2);
  });

  it('shows the new figures in search results', async () => {
    const nanoId = await insertNano(t, creator.user.id, { title: 'Kaltakquise am Telefon' });
    await put(alice.client, ratingUrl(nanoId), { score: 5 });
    await put(bob.client, ratingUrl(nanoId), { score: 4 });
    const res = await guest.get('/api/v1/search?q=Kaltakquise');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ id: nanoId, ratingAverage: 4.5, ratingCount: 2 }),
    ]);
    const detail = await guest.get(`/api/v1/nanos/${nanoId}`);
    expect(detail.json().counters).toMatchObject({ ratingAverage: 4.5, ratingCount: 2 });
  });

  it('answers personalised reads with no-store', async () => {
    const nanoId = await insertNano(t, creator.user.id, { title: 'Cache-Kopfzeilen' });
    const signedIn = await alice.client.get(ratingsUrl(nanoId));
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
    expect((await alice.client.get(summaryUrl(nanoId))).headers['cache-control']).toBe('private, no-store');
    expect((await alice.client.get('/api/v1/me/ratings')).headers['cache-control']).toBe('no-store');
    expect((await guest.get(summaryUrl(nanoId))).headers['cache-control']).toBe('no-cache');
  });
});
