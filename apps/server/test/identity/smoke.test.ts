import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { lastMailTo } from '../factories.ts';
import { TestClient } from '../http-client.ts';

describe('identity smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers, verifies, logs in, reads /me, logs out', async () => {
    const c = new TestClient(t.app);
    const reg = await c.post('/api/v1/auth/register', {
      email: 'Lea@Example.org',
      username: 'lea',
      password: 'Kaffeetasse-Wolke-17!',
      displayName: 'Lea Lernt',
      acceptTerms: true,
      acceptPrivacy: true,
      locale: 'de',
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const mail = await lastMailTo(t, 'lea@example.org');
    expect(mail.link?.pathname).toBe('/email-bestaetigen');
    const verify = await c.post('/api/v1/auth/verify-email', { token: mail.link?.searchParams.get('token') });
    expect(verify.statusCode, verify.body).toBe(200);
    const login = await c.post('/api/v1/auth/login', { login: 'lea', password: 'Kaffeetasse-Wolke-17!' });
    expect(login.statusCode, login.body).toBe(200);
    const me = await c.get('/api/v1/auth/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ username: 'lea', email: 'lea@example.org', role: 'consumer' });
    const out = await c.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});
