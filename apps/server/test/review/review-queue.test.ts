import { reviewQueueSchema } from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { TestClient } from '../http-client.ts';
import {
  advance,
  HOUR_MS,
  type Person,
  person,
  publishNew,
  SETUP_TIMEOUT_MS,
  submitNew,
  trust,
  uploadUpdate,
} from './review-fixtures.ts';

/** With this seed the first trusted update drawn is sampled (see sampling.test.ts). */
const SEED_SAMPLING_FIRST = '7';

describe(`review queues: types, sort, age and SLA, claims (${testDatabaseKind})`, () => {
  let t: TestApp;
  let moderator: Person;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await buildTestApp({ MODERATION_SAMPLE_SEED: SEED_SAMPLING_FIRST });
    moderator = await person(t, 'moderator', { displayName: 'Mona Moderatorin' });
    const creator = await person(t, 'creator');
    const trusted = await person(t, 'creator');

    // An update of a live Nano, and a trusted creator's update published at once (and sampled).
    ids.live = await publishNew(t, creator.client, moderator.client, { title: 'Live mit Update' });
    expect((await uploadUpdate(t, creator.client, ids.live)).statusCode).toBe(201);
    ids.sampled = await publishNew(t, trusted.client, moderator.client, { title: 'Vertrauenswürdig' });
    await trust(t, trusted.user.id);
    expect((await uploadUpdate(t, trusted.client, ids.sampled)).statusCode).toBe(201);

    // Three new submissions, 49 h, 24 h and 0 h old in the end.
    ids.oldest = await submitNew(t, creator.client, { title: 'Ältestes' });
    await advance(t, 25 * HOUR_MS, creator);
    ids.middle = await submitNew(t, creator.client, { title: 'Mittleres' });
    await advance(t, 24 * HOUR_MS, creator, moderator);
    ids.newest = await submitNew(t, creator.client, { title: 'Neuestes' });
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  });

  async function queue(query: string) {
    const res = await moderator.client.get(`/api/v1/moderation/queue${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    return reviewQueueSchema.parse(res.json());
  }

  it('lists new submissions oldest first with their age and SLA colour', async () => {
    const page = await queue('');
    expect(page.total).toBe(3);
    expect(page.items.map((i) => [i.nanoId, i.type, i.ageHours, i.sla])).toEqual([
      [ids.oldest, 'new', 49, 'overdue'],
      [ids.middle, 'new', 24, 'warning'],
      [ids.newest, 'new', 0, 'ok'],
    ]);
    expect(page.items[0]).toMatchObject({ title: 'Ältestes', semver: '—', claim: null });
  });

  it('sorts newest first on request and pages', async () => {
    const newest = await queue('?type=new&sort=newest');
    expect(newest.items.map((i) => i.nanoId)).toEqual([ids.newest, ids.middle, ids.oldest]);
    const second = await queue('?type=new&pageSize=2&page=2');
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items.map((i) => i.nanoId)).toEqual([ids.newest]);
  });

  it('keeps updates of live Nanos and sampled versions in their own queues', async () => {
    const updates = await queue('?type=update');
    expect(updates.items).toEqual([
      expect.objectContaining({
        nanoId: ids.live,
        type: 'update',
        semver: '1.1.0',
        ageHours: 49,
        sla: 'overdue',
      }),
    ]);
    const sampled = await queue('?type=sampled');
    expect(sampled.items).toEqual([
      expect.objectContaining({ nanoId: ids.sampled, type: 'sampled', semver: '1.1.0', sla: 'overdue' }),
    ]);
  });

  it('shows who has claimed an item until when', async () => {
    const claimed = await moderator.client.post(`/api/v1/moderation/nanos/${ids.middle}/claim`);
    expect(claimed.statusCode, claimed.body).toBe(200);
    const page = await queue('?type=new');
    const item = page.items.find((i) => i.nanoId === ids.middle);
    expect(item?.claim).toEqual({
      by: { id: moderator.user.id, username: moderator.user.username, displayName: 'Mona Moderatorin' },
      expiresAt: new Date(t.clock.now().getTime() + 30 * 60_000).toISOString(),
    });
    expect(page.items.filter((i) => i.claim).map((i) => i.nanoId)).toEqual([ids.middle]);
    // An expired claim is no claim.
    await advance(t, 31 * 60_000, moderator);
    expect((await queue('?type=new')).items.every((i) => i.claim === null)).toBe(true);
  });

  it('refuses an unknown queue type or sort with 400', async () => {
    expect((await moderator.client.get('/api/v1/moderation/queue?type=flags')).statusCode).toBe(400);
    expect((await moderator.client.get('/api/v1/moderation/queue?sort=random')).statusCode).toBe(400);
  });
});

describe(`the review workspace is for staff only (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ REQUIRE_STAFF_2FA: 'true' });
  });
  afterAll(async () => {
    await t.close();
  });

  const id = uuidv7();
  const routes: Array<[method: 'get' | 'post' | 'delete', url: string]> = [
    ['get', '/api/v1/moderation/queue'],
    ['get', '/api/v1/moderation/queue?type=sampled'],
    ['get', `/api/v1/moderation/nanos/${id}`],
    ['post', `/api/v1/moderation/nanos/${id}/claim`],
    ['delete', `/api/v1/moderation/nanos/${id}/claim`],
    ['post', `/api/v1/moderation/nanos/${id}/decision`],
  ];
  const call = (client: TestClient, [method, url]: (typeof routes)[number]) =>
    method === 'post' ? client.post(url, {}) : client[method](url);

  it('answers 401 to guests and 403 to consumers and creators, before looking at the input', async () => {
    const guest = new TestClient(t.app);
    const consumer = (await person(t, 'consumer')).client;
    const creator = (await person(t, 'creator')).client;
    for (const route of routes) {
      expect((await call(guest, route)).statusCode, route.join(' ')).toBe(401);
      for (const client of [consumer, creator]) {
        const res = await call(client, route);
        expect(res.statusCode, route.join(' ')).toBe(403);
        expect(res.json().code).toBe('forbidden');
      }
    }
  });

  it('answers 403 two_factor_enrollment_required to staff without 2FA', async () => {
    for (const role of ['moderator', 'admin'] as const) {
      const staff = (await person(t, role)).client;
      for (const route of routes) {
        const res = await call(staff, route);
        expect(res.statusCode, `${role} ${route.join(' ')}`).toBe(403);
        expect(res.json().code).toBe('two_factor_enrollment_required');
      }
    }
  });
});
