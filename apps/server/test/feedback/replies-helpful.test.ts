import { FEEDBACK_LIMITS, type Rating } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { TestClient } from '../http-client.ts';
import { insertNano } from '../search/search-fixtures.ts';
import {
  helpfulUrl,
  type Member,
  member,
  notificationsOf,
  put,
  ratingsUrl,
  ratingUrl,
  replyUrl,
} from './feedback-fixtures.ts';

const MISSING = '0190e0a8-0000-7000-8000-000000000000';

describe(`ratings: creator replies and helpful marks (${testDatabaseKind})`, () => {
  let t: TestApp;
  let creator: Member;
  let rater: Member;
  let other: Member;
  let guest: TestClient;
  let nanoId: string;
  let rating: Rating;

  beforeAll(async () => {
    t = await buildTestApp();
    creator = await member(t, { role: 'creator', displayName: 'Akademie Test' });
    rater = await member(t);
    other = await member(t);
    guest = new TestClient(t.app, { ip: '198.51.100.97' });
    nanoId = await insertNano(t, creator.user.id, { title: 'Antworten üben' });
    rating = (await put(rater.client, ratingUrl(nanoId), { score: 3, comment: 'Zu kurz.' })).json<Rating>();
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('lets only the creator reply, once, editable, and notifies the rater on the first reply', async () => {
    expect(
      (await other.client.post(replyUrl(rating.id), { text: 'Ich bin nicht der Anbieter' })).json(),
    ).toMatchObject({ status: 403, code: 'reply_not_creator' });
    expect((await rater.client.post(replyUrl(rating.id), { text: 'Selbstgespräch' })).statusCode).toBe(403);
    expect((await guest.post(replyUrl(rating.id), { text: 'Gast' })).statusCode).toBe(401);
    expect((await creator.client.post(replyUrl(MISSING), { text: 'Niemand' })).statusCode).toBe(404);

    const first = await creator.client.post(replyUrl(rating.id), { text: '  Danke, Teil 2 folgt!  ' });
    expect(first.statusCode).toBe(200);
    const replied = first.json<Rating>();
    expect(replied.reply).toMatchObject({
      text: 'Danke, Teil 2 folgt!',
      author: { username: creator.user.username, displayName: 'Akademie Test' },
    });
    expect(replied.reply?.createdAt).toBe(replied.reply?.updatedAt);

    t.clock.advance(5 * 60_000);
    const edited = (
      await creator.client.post(replyUrl(rating.id), { text: 'Teil 2 ist online.' })
    ).json<Rating>();
    expect(edited.reply).toMatchObject({ text: 'Teil 2 ist online.', createdAt: replied.reply?.createdAt });
    expect(edited.reply && edited.reply.updatedAt > edited.reply.createdAt).toBe(true);
    // The reply is the creator's, so the rating itself did not change.
    expect(edited.updatedAt).toBe(rating.updatedAt);

    const listed = (await guest.get(ratingsUrl(nanoId))).json<{ items: Rating[] }>().items[0];
    expect(listed?.reply?.text).toBe('Teil 2 ist online.');

    expect(await notificationsOf(t, rater.user.id, 'rating.reply_received')).toEqual([
      { nanoId, nanoTitle: 'Antworten üben', ratingId: rating.id, creatorName: 'Akademie Test' },
    ]);
  });

  it('validates the reply text', async () => {
    for (const text of ['', '   ', 'x'.repeat(FEEDBACK_LIMITS.replyMax + 1)]) {
      const res = await creator.client.post(replyUrl(rating.id), { text });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'body.text' })]);
    }
    expect((await creator.client.post(replyUrl(rating.id), {})).statusCode).toBe(400);
  });

  it('deletes the reply; only the creator, and 404 when there is none', async () => {
    expect((await other.client.delete(replyUrl(rating.id))).statusCode).toBe(403);
    expect((await creator.client.delete(replyUrl(rating.id))).statusCode).toBe(204);
    expect((await creator.client.delete(replyUrl(rating.id))).statusCode).toBe(404);
    expect((await guest.get(ratingsUrl(nanoId))).json().items[0].reply).toBeNull();
  });

  it('notifies once when two first replies race', async () => {
    const racer = await member(t);
    const fresh = (await put(racer.client, ratingUrl(nanoId), { score: 5 })).json<Rating>();
    const results = await Promise.all(
      ['Erste Antwort', 'Zweite Antwort', 'Dritte Antwort'].map((text) =>
        creator.client.post(replyUrl(fresh.id), { text }),
      ),
    );
    expect(results.map((res) => res.statusCode)).toEqual([200, 200, 200]);
    expect(await notificationsOf(t, racer.user.id, 'rating.reply_received')).toHaveLength(1);
  });

  it('counts helpful marks once per user, idempotently, and never on the own rating', async () => {
    const own = await put(rater.client, helpfulUrl(rating.id));
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ code: 'own_rating_helpful' });
    expect((await guest.request({ method: 'PUT', url: helpfulUrl(rating.id) })).statusCode).toBe(401);
    expect((await put(other.client, helpfulUrl(MISSING))).statusCode).toBe(404);

    expect((await put(other.client, helpfulUrl(rating.id))).json()).toEqual({
      helpfulCount: 1,
      helpfulByMe: true,
    });
    expect((await put(other.client, helpfulUrl(rating.id))).json()).toEqual({
      helpfulCount: 1,
      helpfulByMe: true,
    });
    expect((await put(creator.client, helpfulUrl(rating.id))).json()).toEqual({
      helpfulCount: 2,
      helpfulByMe: true,
    });
    expect((await other.client.delete(helpfulUrl(rating.id))).json()).toEqual({
      helpfulCount: 1,
      helpfulByMe: false,
    });
    expect((await other.client.delete(helpfulUrl(rating.id))).json()).toEqual({
      helpfulCount: 1,
      helpfulByMe: false,
    });
    const listed = (await creator.client.get(ratingsUrl(nanoId))).json<{ items: Rating[] }>();
    expect(listed.items.find((item) => item.id === rating.id)).toMatchObject({
      helpfulCount: 1,
      helpfulByMe: true,
    });
  });

  it('keeps the helpful counter equal to the marks under parallel toggles', async () => {
    const voters = [other, creator];
    for (let i = 0; i < 4; i++) {
      voters.push(await member(t));
    }
    // Everyone marks at once, several times each.
    await Promise.all(
      voters.flatMap((voter) => [1, 2, 3].map(() => put(voter.client, helpfulUrl(rating.id)))),
    );
    const count = async () =>
      (
        await t.platform.database.db
          .selectFrom('ratings')
          .select('helpful_count')
          .where('id', '=', rating.id)
          .executeTakeFirstOrThrow()
      ).helpful_count;
    const marks = async () =>
      (
        await t.platform.database.db
          .selectFrom('rating_helpful_votes')
          .select('user_id')
          .where('rating_id', '=', rating.id)
          .execute()
      ).length;
    expect(await count()).toBe(voters.length);
    expect(await marks()).toBe(voters.length);

    // Then a storm of set and clear requests: whatever wins, counter and marks agree.
    await Promise.all(
      voters.flatMap((voter, i) => [
        voter.client.delete(helpfulUrl(rating.id)),
        put(voter.client, helpfulUrl(rating.id)),
        ...(i % 2 === 0 ? [voter.client.delete(helpfulUrl(rating.id))] : []),
      ]),
    );
    expect(await count()).toBe(await marks());
    await Promise.all(voters.map((voter) => voter.client.delete(helpfulUrl(rating.id))));
    expect(await count()).toBe(0);
    expect(await marks()).toBe(0);
  });

  it('refuses marks on ratings the caller cannot see', async () => {
    const draft = await insertNano(t, creator.user.id, { title: 'Entwurf mit Bewertung' });
    const hiddenRating = (await put(rater.client, ratingUrl(draft), { score: 4 })).json<Rating>();
    await t.platform.database.db
      .updateTable('nanos')
      .set({ status: 'draft' })
      .where('id', '=', draft)
      .execute();
    expect((await put(other.client, helpfulUrl(hiddenRating.id))).statusCode).toBe(404);
    expect((await other.client.post(replyUrl(hiddenRating.id), { text: 'x' })).statusCode).toBe(404);
    // The creator still sees the Nano and may answer.
    expect((await creator.client.post(replyUrl(hiddenRating.id), { text: 'Danke' })).statusCode).toBe(200);
  });
});
