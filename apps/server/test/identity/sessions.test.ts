import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser } from '../factories.ts';
import type { TestClient } from '../http-client.ts';
import { auditEvents, copyBrowser, setCookieOf, signInFresh } from './identity-helpers.ts';

const ME = '/api/v1/auth/me';
const REFRESH = '/api/v1/auth/refresh';
const SESSIONS = '/api/v1/auth/sessions';
const MINUTE = 60_000;

interface SessionItem {
  id: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

describe(`sessions: refresh, expiry, devices (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const currentSessionId = async (client: TestClient): Promise<string> => {
    const res = await client.get(SESSIONS);
    expect(res.statusCode, res.body).toBe(200);
    const current = res.json<{ items: SessionItem[] }>().items.find((s) => s.current);
    expect(current).toBeDefined();
    return current?.id ?? '';
  };

  it('rotates the refresh token: a new nm_refresh, the old one refused', async () => {
    const client = await signInFresh(t, await createUser(t));
    const stale = copyBrowser(t, client);
    const before = client.cookie('nm_refresh');

    const res = await client.post(REFRESH);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ user: { role: 'consumer' } });
    const after = client.cookie('nm_refresh');
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    expect(setCookieOf(res, 'nm_access')?.value).toBeTruthy();

    const reuse = await stale.post(REFRESH);
    expect(reuse.statusCode).toBe(401);
    expect((await client.get(ME)).statusCode).toBe(200);
  });

  it('revokes the whole session when a rotated refresh token comes back later, and audits it', async () => {
    const victim = await signInFresh(t, await createUser(t));
    const sessionId = await currentSessionId(victim);
    const thief = copyBrowser(t, victim, { ip: '198.51.100.66' });

    expect((await victim.post(REFRESH)).statusCode).toBe(200);
    t.clock.advance(11_000);

    const reuse = await thief.post(REFRESH);
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json()).toMatchObject({ code: 'unauthorized' });

    // The victim's newer tokens belong to the same session family and die with it.
    expect((await victim.get(ME)).statusCode).toBe(401);
    expect((await victim.post(REFRESH)).statusCode).toBe(401);

    const events = await auditEvents(t, { action: 'auth.refresh_reuse' });
    expect(events).toContainEqual(
      expect.objectContaining({
        target_type: 'session',
        target_id: sessionId,
        outcome: 'denied',
        ip: '198.51.100.0',
      }),
    );
  });

  it('refuses a rotated refresh token within 10 seconds but keeps the session (two tabs racing)', async () => {
    const tabA = await signInFresh(t, await createUser(t));
    const tabB = copyBrowser(t, tabA);

    expect((await tabA.post(REFRESH)).statusCode).toBe(200);
    t.clock.advance(5_000);
    const lost = await tabB.post(REFRESH);
    expect(lost.statusCode).toBe(401);
    // The browser already holds tab A's new cookies; the losing tab's answer must not wipe them.
    expect(setCookieOf(lost, 'nm_access')).toBeUndefined();
    expect(setCookieOf(lost, 'nm_refresh')).toBeUndefined();

    expect((await tabA.get(ME)).statusCode).toBe(200);
    expect((await tabA.post(REFRESH)).statusCode).toBe(200);
    expect((await tabA.get(ME)).statusCode).toBe(200);
    expect(await auditEvents(t, { action: 'auth.refresh_reuse' })).toHaveLength(1);
  });

  it('ends a session idle for more than 30 minutes: refresh answers 401 session_expired', async () => {
    const client = await signInFresh(t, await createUser(t));
    t.clock.advance(31 * MINUTE);
    const res = await client.post(REFRESH);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'session_expired' });
    expect(client.cookie('nm_access')).toBeUndefined();
    expect(client.cookie('nm_refresh')).toBeUndefined();
    expect((await client.get(ME)).statusCode).toBe(401);
  });

  it('expires the access token after 15 minutes; a refresh renews it', async () => {
    const client = await signInFresh(t, await createUser(t));
    t.clock.advance(14 * MINUTE);
    expect((await client.get(ME)).statusCode).toBe(200);
    t.clock.advance(2 * MINUTE);
    const expired = await client.get(ME);
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'unauthorized' });

    const refresh = await client.post(REFRESH);
    expect(refresh.statusCode, refresh.body).toBe(200);
    expect((await client.get(ME)).statusCode).toBe(200);
  });

  it('keeps a regularly refreshed session alive beyond the idle timeout', async () => {
    const client = await signInFresh(t, await createUser(t));
    for (let i = 0; i < 4; i++) {
      t.clock.advance(14 * MINUTE);
      expect((await client.post(REFRESH)).statusCode).toBe(200);
    }
    expect((await client.get(ME)).statusCode).toBe(200);
  });

  it('lists the signed-in devices with anonymised addresses and marks the current one', async () => {
    const user = await createUser(t);
    const laptop = await signInFresh(t, user, { userAgent: 'Firefox/130 Laptop', ip: '203.0.113.7' });
    const phone = await signInFresh(t, user, { userAgent: 'Safari/17 iPhone', ip: '203.0.113.99' });

    const res = await laptop.get(SESSIONS);
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: SessionItem[] }>().items;
    expect(items).toHaveLength(2);
    expect(items.find((s) => s.current)?.userAgent).toBe('Firefox/130 Laptop');
    expect(items.find((s) => !s.current)?.userAgent).toBe('Safari/17 iPhone');
    expect(items.map((s) => s.ip)).toEqual(['203.0.113.0', '203.0.113.0']);

    const fromPhone = (await phone.get(SESSIONS)).json<{ items: SessionItem[] }>().items;
    expect(fromPhone.find((s) => s.current)?.userAgent).toBe('Safari/17 iPhone');
  });

  it('signs out another device by deleting its session', async () => {
    const user = await createUser(t);
    const laptop = await signInFresh(t, user, { userAgent: 'Firefox/130 Laptop' });
    const phone = await signInFresh(t, user, { userAgent: 'Safari/17 iPhone' });
    const phoneSession = await currentSessionId(phone);

    const res = await laptop.delete(`${SESSIONS}/${phoneSession}`);
    expect(res.statusCode, res.body).toBe(204);
    expect((await phone.get(ME)).statusCode).toBe(401);
    expect((await phone.post(REFRESH)).statusCode).toBe(401);
    expect((await laptop.get(ME)).statusCode).toBe(200);
    const left = (await laptop.get(SESSIONS)).json<{ items: SessionItem[] }>().items;
    expect(left.map((s) => s.id)).not.toContain(phoneSession);
    expect(await auditEvents(t, { action: 'auth.session_revoked', actorId: user.id })).toHaveLength(1);

    const again = await laptop.delete(`${SESSIONS}/${phoneSession}`);
    expect(again.statusCode).toBe(404);
  });

  it("answers 404 for another user's session and for an unknown id, leaving them alone", async () => {
    const alice = await signInFresh(t, await createUser(t));
    const bob = await signInFresh(t, await createUser(t));
    const bobSession = await currentSessionId(bob);

    const res = await alice.delete(`${SESSIONS}/${bobSession}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
    expect((await bob.get(ME)).statusCode).toBe(200);

    const unknown = await alice.delete(`${SESSIONS}/0190a000-0000-7000-8000-000000000000`);
    expect(unknown.statusCode).toBe(404);
  });

  it('signs out every device with logout-all', async () => {
    const user = await createUser(t);
    const laptop = await signInFresh(t, user, { userAgent: 'Firefox/130 Laptop' });
    const phone = await signInFresh(t, user, { userAgent: 'Safari/17 iPhone' });
    const tablet = await signInFresh(t, user, { userAgent: 'Chrome/128 Tablet' });

    const res = await laptop.post('/api/v1/auth/logout-all');
    expect(res.statusCode).toBe(204);
    expect(laptop.cookie('nm_access')).toBeUndefined();
    for (const device of [phone, tablet]) {
      expect((await device.get(ME)).statusCode).toBe(401);
      expect((await device.post(REFRESH)).statusCode).toBe(401);
    }
    const again = await signInFresh(t, user);
    expect((await again.get(SESSIONS)).json<{ items: SessionItem[] }>().items).toHaveLength(1);
  });

  it('signs out this device with logout; its refresh token is dead too', async () => {
    const user = await createUser(t);
    const client = await signInFresh(t, user);
    const copy = copyBrowser(t, client);
    const res = await client.post('/api/v1/auth/logout');
    expect(res.statusCode).toBe(204);
    expect(client.cookie('nm_access')).toBeUndefined();
    expect(client.cookie('nm_refresh')).toBeUndefined();
    expect((await copy.get(ME)).statusCode).toBe(401);
    expect((await copy.post(REFRESH)).statusCode).toBe(401);
  });

  it('ends the session on logout even when the access token has already expired', async () => {
    const user = await createUser(t);
    const client = await signInFresh(t, user);
    const copy = copyBrowser(t, client);
    const other = await signInFresh(t, user, { userAgent: 'Safari/17 iPhone' });
    t.clock.advance(16 * MINUTE);

    const res = await client.post('/api/v1/auth/logout');
    expect(res.statusCode).toBe(204);
    expect(client.cookie('nm_refresh')).toBeUndefined();
    expect((await copy.post(REFRESH)).statusCode).toBe(401);

    expect((await other.post(REFRESH)).statusCode).toBe(200);
    const left = (await other.get(SESSIONS)).json<{ items: SessionItem[] }>().items;
    expect(left.map((s) => s.userAgent)).toEqual(['Safari/17 iPhone']);
    expect(await auditEvents(t, { action: 'auth.logout', actorId: user.id })).toHaveLength(1);
  });

  it('no longer lists a device whose session ran into the idle timeout', async () => {
    const user = await createUser(t);
    await signInFresh(t, user, { userAgent: 'Firefox/130 Laptop' });
    t.clock.advance(20 * MINUTE);
    const phone = await signInFresh(t, user, { userAgent: 'Safari/17 iPhone' });
    t.clock.advance(11 * MINUTE);
    expect((await phone.post(REFRESH)).statusCode).toBe(200);

    const items = (await phone.get(SESSIONS)).json<{ items: SessionItem[] }>().items;
    expect(items.map((s) => s.userAgent)).toEqual(['Safari/17 iPhone']);
  });

  it('answers 401 to refresh without a refresh cookie', async () => {
    const client = await signInFresh(t, await createUser(t));
    client.cookies.delete('nm_refresh');
    const res = await client.post(REFRESH);
    expect(res.statusCode).toBe(401);
  });
});
