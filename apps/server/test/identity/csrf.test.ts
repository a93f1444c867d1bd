import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, TEST_PASSWORD } from '../factories.ts';
import { freshClient, signInFresh } from './identity-helpers.ts';

const ME = '/api/v1/auth/me';

describe(`CSRF and origin checks (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a state-changing request without X-CSRF-Token, and nothing happens', async () => {
    const client = await signInFresh(t, await createUser(t));
    const res = await client.request({ method: 'POST', url: '/api/v1/auth/logout-all', csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf_failed' });
    expect((await client.get(ME)).statusCode).toBe(200);
  });

  it('refuses a login from a page that has no CSRF cookie and header', async () => {
    const user = await createUser(t);
    const res = await freshClient(t).request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: user.username, password: TEST_PASSWORD },
      csrf: false,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf_failed' });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('also guards an API route reached through a percent-encoded path', async () => {
    const user = await createUser(t);
    const client = freshClient(t);
    const res = await client.request({
      method: 'POST',
      url: '/%61pi/v1/auth/login',
      payload: { login: user.username, password: TEST_PASSWORD },
      csrf: false,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf_failed' });
    expect(client.cookie('nm_access')).toBeUndefined();
  });

  it('refuses a wrong token', async () => {
    const client = await signInFresh(t, await createUser(t));
    const res = await client.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { 'x-csrf-token': 'erfunden-und-falsch-0123456789abcdef' },
      csrf: false,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf_failed' });
    expect((await client.get(ME)).statusCode).toBe(200);
  });

  it('guards DELETE as well', async () => {
    const client = await signInFresh(t, await createUser(t));
    const sessions = (await client.get('/api/v1/auth/sessions')).json<{ items: Array<{ id: string }> }>();
    const res = await client.request({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${sessions.items[0]?.id}`,
      csrf: false,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf_failed' });
    expect((await client.get(ME)).statusCode).toBe(200);
  });

  it('refuses a foreign Origin even with a valid token', async () => {
    const client = await signInFresh(t, await createUser(t));
    const res = await client.post('/api/v1/auth/logout', undefined, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'origin_not_allowed' });
    expect((await client.get(ME)).statusCode).toBe(200);
  });

  it('lets the configured origin through', async () => {
    const client = await signInFresh(t, await createUser(t));
    const origin = t.config.allowedOrigins[0] ?? '';
    expect(origin).toBe(new URL(t.config.publicUrl).origin);
    const res = await client.post('/api/v1/auth/logout', undefined, { origin });
    expect(res.statusCode, res.body).toBe(204);
    expect((await client.get(ME)).statusCode).toBe(401);
  });

  it('needs no token for reading', async () => {
    const client = await signInFresh(t, await createUser(t));
    const res = await client.request({ method: 'GET', url: ME, headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(200);
  });
});
