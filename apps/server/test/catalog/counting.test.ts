import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VISITOR_COOKIE } from '../../src/modules/catalog/catalog.routes.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { createPublishedNano } from '../nano-fixtures.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

describe(`view and download counters (${testDatabaseKind})`, () => {
  let t: TestApp;
  let ownerUser: TestUser;
  let moderatorUser: TestUser;
  let owner: TestClient;
  let moderator: TestClient;
  let ips = 0;
  const nextIp = () => {
    ips += 1;
    return `10.51.${Math.floor(ips / 250)}.${(ips % 250) + 1}`;
  };

  beforeAll(async () => {
    t = await buildTestApp();
    ownerUser = await createUser(t, { role: 'creator' });
    moderatorUser = await createUser(t, { role: 'moderator' });
    owner = await signIn(t, ownerUser, { ip: nextIp() });
    moderator = await signIn(t, moderatorUser, { ip: nextIp() });
  });
  afterAll(async () => {
    await t.close();
  });
  // A new owner for every test: a creator who is not trusted yet may submit only a few Nanos a
  // month (SPEC §4.6), and these tests are about counting, not that quota.
  beforeEach(async () => {
    ownerUser = await createUser(t, { role: 'creator' });
    owner = await signIn(t, ownerUser, { ip: nextIp() });
  });

  /** The counters as the owner sees them (the owner's own visits are never counted). */
  async function counters(id: string): Promise<{ views: number; downloads: number }> {
    const res = await owner.get(`/api/v1/nanos/${id}`);
    expect(res.statusCode).toBe(200);
    return res.json().counters;
  }

  /** Signs `user` in again: a day later the short-lived access token has expired. */
  function freshSession(user: TestUser): Promise<TestClient> {
    return signIn(t, user, { ip: nextIp() });
  }

  /** The next calendar day, with owner and moderator signed in again. */
  async function nextDay(): Promise<void> {
    t.clock.advance(DAY_MS);
    owner = await freshSession(ownerUser);
    moderator = await freshSession(moderatorUser);
  }

  it('counts a signed-in user once per day', async () => {
    const id = await createPublishedNano(t, owner, moderator);
    const user = await createUser(t, { role: 'consumer' });
    const reader = await freshSession(user);
    expect((await reader.get(`/api/v1/nanos/${id}`)).statusCode).toBe(200);
    expect((await reader.get(`/api/v1/nanos/${id}`)).statusCode).toBe(200);
    expect((await counters(id)).views).toBe(1);

    // The same person in another browser on the same day is still one view.
    const secondBrowser = await freshSession(user);
    await secondBrowser.get(`/api/v1/nanos/${id}`);
    expect((await counters(id)).views).toBe(1);

    await nextDay();
    const tomorrow = await freshSession(user);
    expect((await tomorrow.get(`/api/v1/nanos/${id}`)).statusCode).toBe(200);
    await tomorrow.get(`/api/v1/nanos/${id}`);
    expect((await counters(id)).views).toBe(2);
  });

  it('counts an anonymous visitor once per day by the visitor cookie', async () => {
    const id = await createPublishedNano(t, owner, moderator);
    const visitorIp = nextIp();
    const visitor = new TestClient(t.app, { ip: visitorIp });
    const first = await visitor.get(`/api/v1/nanos/${id}`);
    expect(first.statusCode).toBe(200);
    const cookie = visitor.cookie(VISITOR_COOKIE);
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    await visitor.get(`/api/v1/nanos/${id}`);
    expect(visitor.cookie(VISITOR_COOKIE)).toBe(cookie);
    expect((await counters(id)).views).toBe(1);

    // Another visitor from the same address is another person.
    const neighbour = new TestClient(t.app, { ip: visitorIp });
    await neighbour.get(`/api/v1/nanos/${id}`);
    expect((await counters(id)).views).toBe(2);

    await nextDay();
    await visitor.get(`/api/v1/nanos/${id}`);
    await visitor.get(`/api/v1/nanos/${id}`);
    expect((await counters(id)).views).toBe(3);
  });

  it('counts a burst of parallel visits by one user once, and by twenty visitors twenty times', async () => {
    const id = await createPublishedNano(t, owner, moderator);
    const reader = await freshSession(await createUser(t, { role: 'consumer' }));
    const same = await Promise.all(Array.from({ length: 10 }, () => reader.get(`/api/v1/nanos/${id}`)));
    expect(same.every((res) => res.statusCode === 200)).toBe(true);
    expect((await counters(id)).views).toBe(1);

    const visitors = Array.from({ length: 20 }, () => new TestClient(t.app, { ip: nextIp() }));
    const many = await Promise.all(visitors.map((visitor) => visitor.get(`/api/v1/nanos/${id}`)));
    expect(many.every((res) => res.statusCode === 200)).toBe(true);
    expect((await counters(id)).views).toBe(21);
  });

  it('does not count the owner, or staff reviewing it', async () => {
    const id = await createPublishedNano(t, owner, moderator);
    for (let i = 0; i < 3; i++) {
      await owner.get(`/api/v1/nanos/${id}`);
      await moderator.get(`/api/v1/nanos/${id}`);
    }
    expect((await counters(id)).views).toBe(0);
  });

  it('does not count views of a Nano that is not published', async () => {
    const id = await createPublishedNano(t, owner, moderator);
    expect((await owner.post(`/api/v1/nanos/${id}/archive`)).statusCode).toBe(200);
    const visitor = new TestClient(t.app, { ip: nextIp() });
    expect((await visitor.get(`/api/v1/nanos/${id}`)).statusCode).toBe(404);
    expect((await counters(id)).views).toBe(0);
  });

  it('counts every download request', async () => {
    const id = await createPublishedNano(t, owner, moderator);
    const reader = await signIn(t, await createUser(t, { role: 'consumer' }), { ip: nextIp() });
    for (let i = 0; i < 3; i++) {
      expect((await reader.get(`/api/v1/nanos/${id}/download`)).statusCode).toBe(200);
    }
    expect((await owner.get(`/api/v1/nanos/${id}/download`)).statusCode).toBe(200);
    expect((await counters(id)).downloads).toBe(3);
  });

  it('loses no download when 20 visitors download at the same time', async () => {
    const id = await createPublishedNano(t, owner, moderator);
    // Guests (the Nano allows downloads): twenty password sign-ins would only measure Argon2.
    const readers = Array.from({ length: 20 }, () => new TestClient(t.app, { ip: nextIp() }));
    const results = await Promise.all(readers.map((reader) => reader.get(`/api/v1/nanos/${id}/download`)));
    expect(results.map((res) => res.statusCode)).toEqual(Array(20).fill(200));
    expect((await counters(id)).downloads).toBe(20);
  });
});
