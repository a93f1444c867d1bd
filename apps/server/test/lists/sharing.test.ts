import { listDetailSchema, listShareSchema, sharedListSchema } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { insertNano } from '../search/search-fixtures.ts';
import { put, setNanoStatus } from './list-fixtures.ts';

const LISTS = '/api/v1/lists';
const SHARED = '/api/v1/shared/lists';

describe(`shared lists (${testDatabaseKind})`, () => {
  let t: TestApp;
  let owner: TestUser;
  let alice: TestClient;
  let guest: TestClient;
  let listId: string;
  let nanos: string[];

  beforeAll(async () => {
    t = await buildTestApp();
    const creator = await createUser(t, { role: 'creator', displayName: 'Akademie Nord' });
    owner = await createUser(t, { displayName: 'Petra Lernmanagerin', username: 'petra-lm' });
    alice = await signIn(t, owner, { ip: '198.51.100.60' });
    guest = new TestClient(t.app, { ip: '198.51.100.61' });
    nanos = [];
    for (const title of ['Excel: Formeln', 'Excel: Pivot', 'Excel: Makros']) {
      nanos.push(await insertNano(t, creator.id, { title }));
    }
    const created = await alice.post('/api/v1/me/lists', {
      name: 'Excel-Schulung Team',
      description: 'Für die Einarbeitung',
    });
    listId = created.json().id;
    for (const nano of nanos) {
      await put(alice, `${LISTS}/${listId}/items/${nano}`);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const tokenOf = (url: string) => url.split('/geteilt/')[1] ?? '';

  it('creates a link the owner sees again, and anyone can open it without signing in', async () => {
    const created = await alice.post(`${LISTS}/${listId}/share`);
    expect(created.statusCode).toBe(200);
    const share = listShareSchema.parse(created.json());
    expect(share.shareUrl).toBe(`${t.config.publicUrl}/geteilt/${share.token}`);
    // 24 random bytes in base64url: 192 bits.
    expect(share.token).toMatch(/^[A-Za-z0-9_-]{32}$/);

    const detail = listDetailSchema.parse((await alice.get(`${LISTS}/${listId}`)).json());
    expect(detail.shareUrl).toBe(share.shareUrl);
    expect((await alice.get('/api/v1/me/lists')).json().items[0].shareUrl).toBe(share.shareUrl);

    const open = await guest.get(`${SHARED}/${share.token}`);
    expect(open.statusCode).toBe(200);
    expect(open.headers['x-robots-tag']).toBe('noindex');
    expect(open.headers['cache-control']).toBe('no-store');
    const shared = sharedListSchema.parse(open.json());
    expect(shared).toMatchObject({
      name: 'Excel-Schulung Team',
      description: 'Für die Einarbeitung',
      owner: { displayName: 'Petra Lernmanagerin' },
    });
    expect(shared.items.map((i) => i.title)).toEqual(['Excel: Formeln', 'Excel: Pivot', 'Excel: Makros']);
    expect(shared.items[0]?.creator.displayName).toBe('Akademie Nord');
    // Nothing that identifies the owner beyond the display name.
    expect(open.body).not.toContain('petra-lm');
    expect(open.body).not.toContain(owner.email);
    expect(open.body).not.toContain(owner.id);
    expect(open.body).not.toContain(listId);
  });

  it('shows only the Nanos published now', async () => {
    const token = tokenOf(
      listDetailSchema.parse((await alice.get(`${LISTS}/${listId}`)).json()).shareUrl ?? '',
    );
    await setNanoStatus(t, nanos[1] as string, 'archived');
    const shared = sharedListSchema.parse((await guest.get(`${SHARED}/${token}`)).json());
    expect(shared.items.map((i) => i.title)).toEqual(['Excel: Formeln', 'Excel: Makros']);
    await setNanoStatus(t, nanos[1] as string, 'published');
    expect(sharedListSchema.parse((await guest.get(`${SHARED}/${token}`)).json()).items).toHaveLength(3);
  });

  it('rotates: the old link is gone at once, the new one works', async () => {
    const before = tokenOf(
      listDetailSchema.parse((await alice.get(`${LISTS}/${listId}`)).json()).shareUrl ?? '',
    );
    const rotated = listShareSchema.parse((await alice.post(`${LISTS}/${listId}/share`)).json());
    expect(rotated.token).not.toBe(before);
    const old = await guest.get(`${SHARED}/${before}`);
    expect(old.statusCode).toBe(404);
    expect(old.json().code).toBe('not_found');
    expect((await guest.get(`${SHARED}/${rotated.token}`)).statusCode).toBe(200);
  });

  it('revokes: the link answers 404, sharing is off, and revoking again is harmless', async () => {
    const token = tokenOf(
      listDetailSchema.parse((await alice.get(`${LISTS}/${listId}`)).json()).shareUrl ?? '',
    );
    expect((await guest.get(`${SHARED}/${token}`)).statusCode).toBe(200);
    expect((await alice.delete(`${LISTS}/${listId}/share`)).statusCode).toBe(204);
    expect((await guest.get(`${SHARED}/${token}`)).statusCode).toBe(404);
    expect((await alice.get(`${LISTS}/${listId}`)).json().shareUrl).toBeNull();
    expect((await alice.delete(`${LISTS}/${listId}/share`)).statusCode).toBe(204);
  });

  it('answers 404 for unknown and malformed tokens and for a deleted list', async () => {
    expect((await guest.get(`${SHARED}/${'A'.repeat(32)}`)).statusCode).toBe(404);
    expect((await guest.get(`${SHARED}/kurz`)).statusCode).toBe(404);
    expect((await guest.get(`${SHARED}/${'%27or%201=1--'.padEnd(40, 'x')}`)).statusCode).toBe(404);

    const share = listShareSchema.parse((await alice.post(`${LISTS}/${listId}/share`)).json());
    expect((await guest.get(`${SHARED}/${share.token}`)).statusCode).toBe(200);
    expect((await alice.delete(`${LISTS}/${listId}`)).statusCode).toBe(204);
    expect((await guest.get(`${SHARED}/${share.token}`)).statusCode).toBe(404);
  });

  it('needs the owner (and CSRF) to share or revoke', async () => {
    const own = await alice.post('/api/v1/me/lists', { name: 'Zweite' });
    const id = own.json().id as string;
    expect((await guest.post(`${LISTS}/${id}/share`)).statusCode).toBe(401);
    const noCsrf = await alice.request({ method: 'POST', url: `${LISTS}/${id}/share`, csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect((await alice.get(`${LISTS}/${id}`)).json().shareUrl).toBeNull();
  });
});
