import { NOTIFICATION_LIMITS } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { notify } from './notification-fixtures.ts';

const LIST = '/api/v1/me/notifications';
const READ = '/api/v1/me/notifications/read';

interface Item {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  read: boolean;
  createdAt: string;
}

describe(`notification centre (${testDatabaseKind})`, () => {
  let t: TestApp;
  let aliceUser: TestUser;
  let alice: TestClient;
  let bobUser: TestUser;
  let bob: TestClient;

  /** Seven status changes for Alice, a second apart (n = 1 oldest … 7 newest), and one for Bob. */
  beforeAll(async () => {
    t = await buildTestApp();
    aliceUser = await createUser(t);
    bobUser = await createUser(t);
    alice = await signIn(t, aliceUser, { ip: '198.51.100.70' });
    bob = await signIn(t, bobUser, { ip: '198.51.100.71' });
    for (let n = 1; n <= 7; n++) {
      t.clock.advance(1000);
      await notify(t, aliceUser.id, 'nano.status_changed', { n, title: `Nano ${n}`, status: 'archived' });
    }
    await notify(t, bobUser.id, 'nano.status_changed', { n: 99, title: 'Bobs Nano', status: 'archived' });
  });
  afterAll(async () => {
    await t.close();
  });

  async function page(client: TestClient, query: string) {
    const res = await client.get(`${LIST}?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; unread: number; nextBefore: string | null };
  }

  it('lists the own notifications newest first with the unread count', async () => {
    const first = await page(alice, '');
    expect(first.items.map((i) => i.payload.n)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(first.unread).toBe(7);
    expect(first.nextBefore).toBeNull();
    expect(first.items[0]).toMatchObject({ type: 'nano.status_changed', read: false });
  });

  it('pages with `before` until the last page', async () => {
    const first = await page(alice, 'limit=3');
    expect(first.items.map((i) => i.payload.n)).toEqual([7, 6, 5]);
    expect(first.nextBefore).toBe(first.items[2]?.id);
    const second = await page(alice, `limit=3&before=${first.nextBefore}`);
    expect(second.items.map((i) => i.payload.n)).toEqual([4, 3, 2]);
    const third = await page(alice, `limit=3&before=${second.nextBefore}`);
    expect(third.items.map((i) => i.payload.n)).toEqual([1]);
    expect(third.nextBefore).toBeNull();
    expect(third.unread).toBe(7);
  });

  it('keeps notifications of the same instant in a stable order across pages', async () => {
    const user = await createUser(t);
    const client = await signIn(t, user, { ip: '198.51.100.72' });
    for (let n = 1; n <= 5; n++) {
      await notify(t, user.id, 'nano.status_changed', { n, status: 'archived' });
    }
    const seen: unknown[] = [];
    let before: string | null = null;
    do {
      const res: { items: Item[]; nextBefore: string | null } = await page(
        client,
        `limit=2${before ? `&before=${before}` : ''}`,
      );
      seen.push(...res.items.map((i) => i.payload.n));
      before = res.nextBefore;
    } while (before);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it("refuses a cursor that is not one of the user's notifications and limits out of range", async () => {
    const bobsId = (await page(bob, '')).items[0]?.id;
    const res = await alice.get(`${LIST}?before=${bobsId}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'query.before', code: 'unknown_cursor' }],
    });
    expect((await alice.get(`${LIST}?before=kein-cursor`)).statusCode).toBe(400);
    expect((await alice.get(`${LIST}?limit=${NOTIFICATION_LIMITS.pageMax + 1}`)).statusCode).toBe(400);
    expect((await alice.get(`${LIST}?limit=${NOTIFICATION_LIMITS.pageMax}`)).statusCode).toBe(200);
    expect((await alice.get(`${LIST}?limit=0`)).statusCode).toBe(400);
  });

  it('marks given ids read (own only), filters unread, then marks all read', async () => {
    const all = (await page(alice, '')).items;
    const bobsId = (await page(bob, '')).items[0]?.id as string;
    const picked = [all[0]?.id, all[2]?.id] as string[];
    const res = await alice.post(READ, { ids: [...picked, bobsId] });
    expect(res.statusCode).toBe(204);

    const after = await page(alice, '');
    expect(after.unread).toBe(5);
    expect(after.items.filter((i) => i.read).map((i) => i.id)).toEqual(picked);
    const unreadOnly = await page(alice, 'unread=true');
    expect(unreadOnly.items.map((i) => i.payload.n)).toEqual([6, 4, 3, 2, 1]);
    // Bob's notification is untouched by Alice's request.
    expect(await page(bob, '')).toMatchObject({ unread: 1, items: [{ read: false }] });

    expect((await alice.post(READ, { all: true })).statusCode).toBe(204);
    expect(await page(alice, 'unread=true')).toMatchObject({ unread: 0, items: [] });
    expect((await page(bob, '')).unread).toBe(1);
  });

  it('refuses malformed read requests and guests', async () => {
    expect((await alice.post(READ, { ids: ['nope'] })).statusCode).toBe(400);
    expect((await alice.post(READ, { all: false })).statusCode).toBe(400);
    expect((await alice.post(READ, {})).statusCode).toBe(400);
    const guest = new TestClient(t.app, { ip: '198.51.100.73' });
    expect((await guest.get(LIST)).statusCode).toBe(401);
    expect((await guest.post(READ, { all: true })).statusCode).toBe(401);
  });
});
