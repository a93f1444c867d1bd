import type { Rating, RatingWithNano } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { TestClient } from '../http-client.ts';
import { insertNano } from '../search/search-fixtures.ts';
import {
  hideComment,
  type Member,
  member,
  put,
  ratingsUrl,
  ratingUrl,
  replyUrl,
} from './feedback-fixtures.ts';

interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

describe(`ratings: lists, sorting and hidden comments (${testDatabaseKind})`, () => {
  let t: TestApp;
  let creator: Member;
  let raters: Member[];
  let moderator: Member;
  let guest: TestClient;
  let nanoId: string;
  /** Rating ids in the order they were written (oldest first). */
  let ids: string[];

  beforeAll(async () => {
    t = await buildTestApp();
    creator = await member(t, { role: 'creator' });
    moderator = await member(t, { role: 'moderator' });
    raters = [];
    for (let i = 0; i < 5; i++) {
      raters.push(await member(t, { displayName: `Rater ${i}` }));
    }
    guest = new TestClient(t.app, { ip: '198.51.100.98' });
    nanoId = await insertNano(t, creator.user.id, { title: 'Sortierte Bewertungen' });
    ids = [];
    for (const [i, rater] of raters.entries()) {
      t.clock.advance(60_000);
      const res = await put(rater.client, ratingUrl(nanoId), {
        score: (i % 5) + 1,
        comment: `Kommentar ${i}`,
      });
      ids.push(res.json<Rating>().id);
    }
    // Helpful marks: rating 1 gets three, rating 3 gets one, rating 0 one (ties broken by newest).
    const votes: Array<[number, number]> = [
      [1, 0],
      [1, 2],
      [1, 3],
      [3, 0],
      [0, 4],
    ];
    for (const [rating, voter] of votes) {
      const res = await put(raters[voter]?.client as TestClient, `/api/v1/ratings/${ids[rating]}/helpful`);
      expect(res.statusCode).toBe(200);
    }
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const order = (page: Page<Rating>) => page.items.map((item) => ids.indexOf(item.id));

  it('sorts by newest and by most helpful, with stable paging', async () => {
    const newest = (await guest.get(ratingsUrl(nanoId))).json<Page<Rating>>();
    expect(newest).toMatchObject({ total: 5, page: 1, pageSize: 20 });
    expect(order(newest)).toEqual([4, 3, 2, 1, 0]);

    const helpful = (await guest.get(ratingsUrl(nanoId, 'sort=helpful'))).json<Page<Rating>>();
    expect(order(helpful)).toEqual([1, 3, 0, 4, 2]);
    expect(helpful.items.map((item) => item.helpfulCount)).toEqual([3, 1, 1, 0, 0]);

    const pages = [];
    for (const page of [1, 2, 3]) {
      const res = await guest.get(ratingsUrl(nanoId, `sort=helpful&pageSize=2&page=${page}`));
      expect(res.json()).toMatchObject({ total: 5, page, pageSize: 2 });
      pages.push(...order(res.json<Page<Rating>>()));
    }
    expect(pages).toEqual([1, 3, 0, 4, 2]);
    expect((await guest.get(ratingsUrl(nanoId, 'page=4&pageSize=2'))).json().items).toEqual([]);
    expect((await guest.get(ratingsUrl(nanoId, 'sort=best'))).statusCode).toBe(400);
    expect((await guest.get(ratingsUrl(nanoId, 'pageSize=101'))).statusCode).toBe(400);
  });

  it('marks what the caller wrote and found helpful', async () => {
    const asRater0 = (await raters[0]?.client.get(ratingsUrl(nanoId)))?.json<Page<Rating>>();
    const byIndex = new Map(asRater0?.items.map((item) => [ids.indexOf(item.id), item]));
    expect(byIndex.get(0)).toMatchObject({ mine: true, helpfulByMe: false });
    expect(byIndex.get(1)).toMatchObject({ mine: false, helpfulByMe: true });
    expect(byIndex.get(3)).toMatchObject({ mine: false, helpfulByMe: true });
    expect(byIndex.get(2)).toMatchObject({ mine: false, helpfulByMe: false });
    const asGuest = (await guest.get(ratingsUrl(nanoId))).json<Page<Rating>>();
    expect(asGuest.items.every((item) => !item.mine && !item.helpfulByMe)).toBe(true);
  });

  it('withholds a hidden comment from everyone but its author and staff', async () => {
    const hiddenId = ids[2] as string;
    await hideComment(t, hiddenId, moderator.user.id);
    const find = async (client: TestClient) =>
      (await client.get(ratingsUrl(nanoId))).json<Page<Rating>>().items.find((item) => item.id === hiddenId);

    for (const client of [guest, raters[0]?.client as TestClient, creator.client]) {
      expect(await find(client)).toMatchObject({ comment: null, commentHidden: true, score: 3 });
    }
    for (const client of [raters[2]?.client as TestClient, moderator.client]) {
      expect(await find(client)).toMatchObject({ comment: 'Kommentar 2', commentHidden: true });
    }
    const mine = (await raters[2]?.client.get('/api/v1/me/ratings'))?.json<Page<RatingWithNano>>();
    expect(mine?.items[0]).toMatchObject({ id: hiddenId, comment: 'Kommentar 2', commentHidden: true });
    const inbox = (await creator.client.get('/api/v1/me/received-ratings')).json<Page<RatingWithNano>>();
    expect(inbox.items.find((item) => item.id === hiddenId)).toMatchObject({
      comment: null,
      commentHidden: true,
    });

    // Editing the rating keeps the comment hidden.
    await put(raters[2]?.client as TestClient, ratingUrl(nanoId), { score: 3, comment: 'Neuer Text' });
    expect(await find(guest)).toMatchObject({ comment: null, commentHidden: true });
    expect(await find(moderator.client)).toMatchObject({ comment: 'Neuer Text', commentHidden: true });
  });

  it('lists the own ratings, last changed first, with their Nanos', async () => {
    const rater = raters[4] as Member;
    const otherCreator = await member(t, { role: 'creator' });
    const second = await insertNano(t, otherCreator.user.id, { title: 'Zweiter Nano' });
    const third = await insertNano(t, otherCreator.user.id, { title: 'Dritter Nano' });
    t.clock.advance(60_000);
    await put(rater.client, ratingUrl(second), { score: 2 });
    t.clock.advance(60_000);
    await put(rater.client, ratingUrl(third), { score: 4 });
    t.clock.advance(60_000);
    // Changing the oldest rating moves it to the top.
    await put(rater.client, ratingUrl(nanoId), { score: 1, comment: 'Doch nicht so gut' });
    await t.platform.database.db
      .updateTable('nanos')
      .set({ status: 'archived' })
      .where('id', '=', third)
      .execute();

    const res = await rater.client.get('/api/v1/me/ratings');
    expect(res.statusCode).toBe(200);
    const page = res.json<Page<RatingWithNano>>();
    expect(page.total).toBe(3);
    expect(page.items.map((item) => [item.nano.title, item.score, item.nano.status])).toEqual([
      ['Sortierte Bewertungen', 1, 'published'],
      ['Dritter Nano', 4, 'archived'],
      ['Zweiter Nano', 2, 'published'],
    ]);
    expect(page.items[0]).toMatchObject({ mine: true, comment: 'Doch nicht so gut', nano: { id: nanoId } });
    const paged = (await rater.client.get('/api/v1/me/ratings?page=2&pageSize=2')).json<
      Page<RatingWithNano>
    >();
    expect(paged.items.map((item) => item.nano.title)).toEqual(['Zweiter Nano']);

    await t.platform.database.db
      .updateTable('nanos')
      .set({ status: 'deleted' })
      .where('id', '=', second)
      .execute();
    expect((await rater.client.get('/api/v1/me/ratings')).json().total).toBe(2);
    expect((await guest.get('/api/v1/me/ratings')).statusCode).toBe(401);
  });

  it("collects the ratings of the creator's Nanos, with filters by Nano and unanswered", async () => {
    const other = await insertNano(t, creator.user.id, { title: 'Anderer eigener Nano' });
    t.clock.advance(60_000);
    const rater = raters[1] as Member;
    const newest = (await put(rater.client, ratingUrl(other), { score: 5, comment: 'Top' })).json<Rating>();
    const someoneElses = await insertNano(t, (await member(t, { role: 'creator' })).user.id, {
      title: 'Fremd',
    });
    await put(rater.client, ratingUrl(someoneElses), { score: 5, comment: 'Nicht im Postfach' });

    const all = (await creator.client.get('/api/v1/me/received-ratings')).json<Page<RatingWithNano>>();
    expect(all.total).toBe(6);
    expect(all.items[0]).toMatchObject({ id: newest.id, nano: { id: other, title: 'Anderer eigener Nano' } });
    expect(all.items.every((item) => item.nano.title !== 'Fremd')).toBe(true);
    const createdAt = all.items.map((item) => item.createdAt);
    expect([...createdAt].sort().reverse()).toEqual(createdAt);

    const ofOne = (await creator.client.get(`/api/v1/me/received-ratings?nanoId=${other}`)).json();
    expect(ofOne.items.map((item: RatingWithNano) => item.id)).toEqual([newest.id]);

    await creator.client.post(replyUrl(ids[0] as string), { text: 'Danke!' });
    const unanswered = (await creator.client.get('/api/v1/me/received-ratings?unanswered=true')).json<
      Page<RatingWithNano>
    >();
    // Answered (0) and hidden (2) comments are not waiting for a reply.
    expect(unanswered.items.map((item) => item.id).sort()).toEqual(
      [newest.id, ids[1], ids[3], ids[4]].sort(),
    );
    expect(unanswered.total).toBe(4);

    const notMine = (await rater.client.get(`/api/v1/me/received-ratings?nanoId=${other}`)).json();
    expect(notMine).toMatchObject({ items: [], total: 0 });
    expect((await creator.client.get('/api/v1/me/received-ratings?nanoId=kein-uuid')).statusCode).toBe(400);
  });
});
