import { LIST_LIMITS, listDetailSchema, listOverviewSchema, listSchema } from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { insertNano } from '../search/search-fixtures.ts';
import { insertDraftNanos, put } from './list-fixtures.ts';

const MINE = '/api/v1/me/lists';
const LISTS = '/api/v1/lists';
const UNKNOWN = '0190a000-0000-7000-8000-000000000000';

describe(`curated lists (${testDatabaseKind})`, () => {
  let t: TestApp;
  let creator: TestUser;
  let aliceUser: TestUser;
  let alice: TestClient;
  let bob: TestClient;
  let nanos: string[];

  beforeAll(async () => {
    t = await buildTestApp();
    creator = await createUser(t, { role: 'creator' });
    aliceUser = await createUser(t);
    alice = await signIn(t, aliceUser, { ip: '198.51.100.50' });
    bob = await signIn(t, await createUser(t), { ip: '198.51.100.51' });
    nanos = [];
    for (const title of ['Excel: SVERWEIS', 'Excel: Pivot', 'Excel: Diagramme', 'Teams für Einsteiger']) {
      nanos.push(await insertNano(t, creator.id, { title }));
    }
  });
  afterAll(async () => {
    await t.close();
  });

  async function createList(client: TestClient, name: string, description = ''): Promise<string> {
    const response = await client.post(MINE, { name, description });
    expect(response.statusCode).toBe(201);
    return listSchema.parse(response.json()).id;
  }

  async function itemIds(client: TestClient, id: string): Promise<string[]> {
    const response = await client.get(`${LISTS}/${id}`);
    expect(response.statusCode).toBe(200);
    return listDetailSchema.parse(response.json()).items.map((item) => item.nanoId);
  }

  it('creates, shows, edits and deletes a list; the overview has the last changed first', async () => {
    const created = await alice.post(MINE, {
      name: '  Excel-Schulung Team ',
      description: 'Für das Team Controlling',
    });
    expect(created.statusCode).toBe(201);
    const list = listSchema.parse(created.json());
    expect(list).toMatchObject({
      name: 'Excel-Schulung Team',
      description: 'Für das Team Controlling',
      itemCount: 0,
      shareUrl: null,
    });
    expect(list.containsNano).toBeUndefined();
    t.clock.advance(1000);
    const other = await createList(alice, 'Onboarding');
    t.clock.advance(1000);

    expect(listOverviewSchema.parse((await alice.get(MINE)).json()).items.map((l) => l.name)).toEqual([
      'Onboarding',
      'Excel-Schulung Team',
    ]);

    // Adding an item counts as a change: the list moves to the top.
    const added = await put(alice, `${LISTS}/${list.id}/items/${nanos[0]}`);
    expect(added.statusCode).toBe(200);
    expect(listSchema.parse(added.json())).toMatchObject({ id: list.id, itemCount: 1 });
    const overview = listOverviewSchema.parse((await alice.get(`${MINE}?containing=${nanos[0]}`)).json());
    expect(overview.items.map((l) => [l.name, l.containsNano])).toEqual([
      ['Excel-Schulung Team', true],
      ['Onboarding', false],
    ]);

    t.clock.advance(1000);
    const renamed = await alice.patch(`${LISTS}/${list.id}`, { name: 'Excel-Schulung Vertrieb' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: 'Excel-Schulung Vertrieb',
      description: 'Für das Team Controlling',
    });
    expect(Date.parse(renamed.json().updatedAt)).toBe(t.clock.now().getTime());
    const described = await alice.patch(`${LISTS}/${list.id}`, { description: '' });
    expect(described.json()).toMatchObject({ name: 'Excel-Schulung Vertrieb', description: '' });

    const detail = listDetailSchema.parse((await alice.get(`${LISTS}/${list.id}`)).json());
    expect(detail).toMatchObject({ name: 'Excel-Schulung Vertrieb', itemCount: 1 });
    expect(detail.items).toMatchObject([
      {
        nanoId: nanos[0],
        title: 'Excel: SVERWEIS',
        available: true,
        nano: { id: nanos[0], title: 'Excel: SVERWEIS' },
      },
    ]);

    expect((await alice.delete(`${LISTS}/${other}`)).statusCode).toBe(204);
    expect((await alice.get(`${LISTS}/${other}`)).statusCode).toBe(404);
    expect((await alice.delete(`${LISTS}/${other}`)).statusCode).toBe(404);
  });

  it('validates name and description', async () => {
    const long = await alice.post(MINE, { name: 'x'.repeat(LIST_LIMITS.nameMax + 1) });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'body.name' }] });
    expect((await alice.post(MINE, { name: 'x'.repeat(LIST_LIMITS.nameMax) })).statusCode).toBe(201);
    const empty = await alice.post(MINE, { name: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].field).toBe('body.name');
    const description = await alice.post(MINE, {
      name: 'Zu lang beschrieben',
      description: 'y'.repeat(LIST_LIMITS.descriptionMax + 1),
    });
    expect(description.statusCode).toBe(400);
    expect(description.json().errors[0].field).toBe('body.description');
    const id = await createList(alice, 'Wird umbenannt');
    expect((await alice.patch(`${LISTS}/${id}`, { name: '' })).statusCode).toBe(400);
    expect((await alice.get(`${LISTS}/kein-uuid`)).statusCode).toBe(400);
  });

  it(`allows at most ${LIST_LIMITS.listsPerUserMax} lists per user`, async () => {
    const user = await createUser(t);
    const client = await signIn(t, user, { ip: '198.51.100.52' });
    const now = t.clock.now();
    await t.platform.database.db
      .insertInto('lists')
      .values(
        Array.from({ length: LIST_LIMITS.listsPerUserMax - 1 }, (_, i) => ({
          id: uuidv7(),
          owner_id: user.id,
          name: `Liste ${i}`,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    expect((await client.post(MINE, { name: 'Die fünfzigste' })).statusCode).toBe(201);
    const refused = await client.post(MINE, { name: 'Eine zu viel' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'list_limit', title: expect.stringContaining('50 Listen') });
    expect((await client.get(MINE)).json().items).toHaveLength(LIST_LIMITS.listsPerUserMax);
  });

  it(`allows at most ${LIST_LIMITS.itemsPerListMax} items per list; adding is idempotent`, async () => {
    const id = await createList(alice, 'Sehr lang');
    const drafts = await insertDraftNanos(t, creator.id, LIST_LIMITS.itemsPerListMax - 1);
    const db = t.platform.database.db;
    await db
      .insertInto('list_items')
      .values(
        drafts.map((nanoId, i) => ({
          list_id: id,
          nano_id: nanoId,
          position: i + 1,
          added_at: t.clock.now(),
        })),
      )
      .execute();
    await db.updateTable('lists').set({ item_count: drafts.length }).where('id', '=', id).execute();

    const last = await put(alice, `${LISTS}/${id}/items/${nanos[1]}`);
    expect(last.statusCode).toBe(200);
    expect(last.json().itemCount).toBe(LIST_LIMITS.itemsPerListMax);
    // Already in the list: nothing to add, so no limit error either.
    expect((await put(alice, `${LISTS}/${id}/items/${nanos[1]}`)).statusCode).toBe(200);
    const refused = await put(alice, `${LISTS}/${id}/items/${nanos[2]}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('list_item_limit');

    const ids = await itemIds(alice, id);
    expect(ids).toHaveLength(LIST_LIMITS.itemsPerListMax);
    expect(ids.at(-1)).toBe(nanos[1]);
  });

  it('appends items in order, idempotently, only published Nanos, and keeps the count exact', async () => {
    const id = await createList(alice, 'Reihenfolge');
    for (const nano of [nanos[2], nanos[0], nanos[1], nanos[0]]) {
      expect((await put(alice, `${LISTS}/${id}/items/${nano}`)).statusCode).toBe(200);
    }
    expect(await itemIds(alice, id)).toEqual([nanos[2], nanos[0], nanos[1]]);
    const draft = await insertNano(t, creator.id, { title: 'Unveröffentlicht', status: 'draft' });
    expect((await put(alice, `${LISTS}/${id}/items/${draft}`)).statusCode).toBe(404);
    expect((await put(alice, `${LISTS}/${id}/items/${UNKNOWN}`)).statusCode).toBe(404);

    expect((await alice.delete(`${LISTS}/${id}/items/${nanos[0]}`)).statusCode).toBe(204);
    expect((await alice.delete(`${LISTS}/${id}/items/${nanos[0]}`)).statusCode).toBe(204);
    expect((await put(alice, `${LISTS}/${id}/items/${nanos[0]}`)).json().itemCount).toBe(3);
    expect(await itemIds(alice, id)).toEqual([nanos[2], nanos[1], nanos[0]]);

    // Parallel adds of different Nanos: distinct positions, exact count.
    const parallel = await createList(alice, 'Parallel');
    const responses = await Promise.all(
      nanos.map((nano) => put(alice, `${LISTS}/${parallel}/items/${nano}`)),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    expect((await alice.get(`${LISTS}/${parallel}`)).json().itemCount).toBe(4);
    const positions = await t.platform.database.db
      .selectFrom('list_items')
      .select('position')
      .where('list_id', '=', parallel)
      .execute();
    expect(new Set(positions.map((p) => p.position)).size).toBe(4);
  });

  it('reorders with an exact permutation and refuses anything else with 409', async () => {
    const id = await createList(alice, 'Umsortieren');
    for (const nano of nanos) {
      await put(alice, `${LISTS}/${id}/items/${nano}`);
    }
    const order = [nanos[3], nanos[1], nanos[0], nanos[2]] as string[];
    const reordered = await alice.patch(`${LISTS}/${id}/items`, { nanoIds: order });
    expect(reordered.statusCode).toBe(200);
    expect(listDetailSchema.parse(reordered.json()).items.map((i) => i.nanoId)).toEqual(order);
    expect(await itemIds(alice, id)).toEqual(order);

    for (const wrong of [
      order.slice(1),
      [...order, UNKNOWN],
      [order[0], order[0], order[1], order[2]],
      [order[0], order[1], order[2], UNKNOWN],
    ]) {
      const refused = await alice.patch(`${LISTS}/${id}/items`, { nanoIds: wrong });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'conflict', detail: expect.stringContaining('neu') });
    }
    expect(await itemIds(alice, id)).toEqual(order);
    // Appending after a reorder goes to the end.
    const extra = await insertNano(t, creator.id, { title: 'Nachzügler' });
    await put(alice, `${LISTS}/${id}/items/${extra}`);
    expect(await itemIds(alice, id)).toEqual([...order, extra]);
  });

  it('keeps items whose Nano is no longer published, marked unavailable with their title', async () => {
    const id = await createList(alice, 'Mit Archiviertem');
    const archived = await insertNano(t, creator.id, { title: 'Wird archiviert' });
    await put(alice, `${LISTS}/${id}/items/${nanos[0]}`);
    await put(alice, `${LISTS}/${id}/items/${archived}`);
    await t.platform.database.db
      .updateTable('nanos')
      .set({ status: 'archived' })
      .where('id', '=', archived)
      .execute();

    const detail = listDetailSchema.parse((await alice.get(`${LISTS}/${id}`)).json());
    expect(detail.itemCount).toBe(2);
    expect(detail.items.map((i) => [i.title, i.available, i.nano === null])).toEqual([
      ['Excel: SVERWEIS', true, false],
      ['Wird archiviert', false, true],
    ]);
    // Re-adding is refused while unpublished; removing works.
    expect((await put(alice, `${LISTS}/${id}/items/${archived}`)).statusCode).toBe(404);
    expect((await alice.delete(`${LISTS}/${id}/items/${archived}`)).statusCode).toBe(204);
  });

  it("answers 404 for another user's list on every route and 401 without sign-in", async () => {
    const id = await createList(alice, 'Privat');
    await put(alice, `${LISTS}/${id}/items/${nanos[0]}`);
    const responses = await Promise.all([
      bob.get(`${LISTS}/${id}`),
      bob.patch(`${LISTS}/${id}`, { name: 'Gekapert' }),
      put(bob, `${LISTS}/${id}/items/${nanos[1]}`),
      bob.delete(`${LISTS}/${id}/items/${nanos[0]}`),
      bob.patch(`${LISTS}/${id}/items`, { nanoIds: [nanos[0]] }),
      bob.post(`${LISTS}/${id}/share`),
      bob.delete(`${LISTS}/${id}/share`),
      bob.get(`${LISTS}/${id}/export?format=json`),
      bob.delete(`${LISTS}/${id}`),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual(Array(9).fill(404));
    expect((await bob.get(MINE)).json().items.map((l: { id: string }) => l.id)).not.toContain(id);
    expect(await itemIds(alice, id)).toEqual([nanos[0]]);
    expect((await alice.get(`${LISTS}/${id}`)).json().name).toBe('Privat');

    const guest = new TestClient(t.app, { ip: '198.51.100.59' });
    expect((await guest.get(MINE)).statusCode).toBe(401);
    expect((await guest.post(MINE, { name: 'Gast' })).statusCode).toBe(401);
    expect((await guest.get(`${LISTS}/${id}`)).statusCode).toBe(401);
  });
});
