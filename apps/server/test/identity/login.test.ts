import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn, TEST_PASSWORD, type TestUser } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { freshClient, mailsTo, problemShape, setCookieOf } from './identity-helpers.ts';

const LOGIN = '/api/v1/auth/login';
const ME = '/api/v1/auth/me';
const MINUTE = 60_000;
const WRONG_PASSWORD = 'Falsches-Passwort-99!';

describe(`password login (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** One login attempt from its own address, so only the account's lock can stop it. */
  const attempt = (login: string, password: string) => freshClient(t).post(LOGIN, { login, password });

  const failTimes = async (user: TestUser, times: number) => {
    for (let i = 0; i < times; i++) {
      const res = await attempt(user.username, WRONG_PASSWORD);
      expect(res.statusCode).toBe(401);
    }
  };

  it('signs in by username and by email, ignoring case, and answers with the user', async () => {
    const user = await createUser(t);
    for (const login of [user.username, user.username.toUpperCase(), user.email.toUpperCase()]) {
      const client = freshClient(t);
      const res = await client.post(LOGIN, { login, password: TEST_PASSWORD });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        twoFactorRequired: false,
        user: { id: user.id, username: user.username, email: user.email, role: 'consumer' },
      });
      const me = await client.get(ME);
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ id: user.id });
    }
  });

  it('keeps the tokens in HttpOnly SameSite=Strict cookies, without Secure outside production', async () => {
    const user = await createUser(t);
    const client = freshClient(t);
    const csrf = await client.get('/api/v1/auth/csrf');
    const res = await client.post(LOGIN, { login: user.username, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);

    const access = setCookieOf(res, 'nm_access');
    expect(access?.attributes).toMatchObject({
      httponly: true,
      samesite: 'Strict',
      path: '/',
      'max-age': '900',
    });
    expect(access?.attributes.secure).toBeUndefined();

    const refresh = setCookieOf(res, 'nm_refresh');
    expect(refresh?.attributes).toMatchObject({
      httponly: true,
      samesite: 'Strict',
      path: '/api/v1/auth',
      'max-age': '604800',
    });
    expect(refresh?.attributes.secure).toBeUndefined();

    const csrfCookie = setCookieOf(csrf, 'nm_csrf');
    expect(csrfCookie?.value).toBe(csrf.json<{ token: string }>().token);
    expect(csrfCookie?.attributes).toMatchObject({ samesite: 'Strict', path: '/' });
    expect(csrfCookie?.attributes.httponly).toBeUndefined();

    // The tokens never appear where page scripts could read them.
    expect(res.body).not.toContain(String(access?.value));
    expect(res.body).not.toContain(String(refresh?.value));
  });

  it('marks every cookie Secure in production', async () => {
    const prod = await buildTestApp({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      DEMO_DATA: 'false',
      JWT_KEYS: `k1=${'j'.repeat(40)}`,
      DATA_ENCRYPTION_KEYS: `d1=${'d'.repeat(40)}`,
    });
    try {
      expect(prod.config.env).toBe('production');
      const user = await createUser(prod);
      const client = new TestClient(prod.app);
      const csrf = await client.get('/api/v1/auth/csrf');
      const res = await client.post(LOGIN, { login: user.username, password: TEST_PASSWORD });
      expect(res.statusCode, res.body).toBe(200);
      expect(setCookieOf(csrf, 'nm_csrf')?.attributes.secure).toBe(true);
      for (const name of ['nm_access', 'nm_refresh']) {
        expect(setCookieOf(res, name)?.attributes).toMatchObject({
          secure: true,
          httponly: true,
          samesite: 'Strict',
        });
      }
    } finally {
      await prod.close();
    }
  });

  it('answers unknown user, wrong password and locked account identically with 401 invalid_credentials', async () => {
    const user = await createUser(t);
    const locked = await createUser(t);
    await failTimes(locked, 5);

    const unknown = await attempt('gibt-es-nicht', TEST_PASSWORD);
    const wrong = await attempt(user.username, WRONG_PASSWORD);
    const lockedRes = await attempt(locked.username, TEST_PASSWORD);
    for (const res of [unknown, wrong, lockedRes]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({
        code: 'invalid_credentials',
        title: 'Anmeldename oder Passwort ist falsch.',
      });
      expect(setCookieOf(res, 'nm_access')).toBeUndefined();
    }
    expect(problemShape(wrong)).toEqual(problemShape(unknown));
    expect(problemShape(lockedRes)).toEqual(problemShape(unknown));
  });

  it('locks after 5 wrong passwords for 15 minutes, tells the owner, then lets them in', async () => {
    const user = await createUser(t);
    await failTimes(user, 4);
    expect(await mailsTo(t, user.email)).toEqual([]);
    expect((await attempt(user.username, TEST_PASSWORD)).statusCode).toBe(200);

    await failTimes(user, 5);
    const whileLocked = await attempt(user.username, TEST_PASSWORD);
    expect(whileLocked.statusCode).toBe(401);
    expect(whileLocked.json()).toMatchObject({ code: 'invalid_credentials' });
    const mails = await mailsTo(t, user.email);
    expect(mails.map((m) => m.subject)).toEqual(['Ihr Konto wurde vorübergehend gesperrt']);
    expect(mails[0]?.text).toContain('15 Minuten');

    t.clock.advance(14 * MINUTE);
    expect((await attempt(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    t.clock.advance(MINUTE + 1_000);
    const after = await attempt(user.username, TEST_PASSWORD);
    expect(after.statusCode, after.body).toBe(200);
  });

  it('doubles a repeated lock to 30 minutes, and a successful login resets it to 15', async () => {
    const user = await createUser(t);
    await failTimes(user, 5);
    t.clock.advance(15 * MINUTE + 1_000);

    await failTimes(user, 5);
    t.clock.advance(16 * MINUTE);
    expect((await attempt(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    t.clock.advance(15 * MINUTE);
    expect((await attempt(user.username, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await mailsTo(t, user.email)).map((m) => m.text)).toEqual([
      expect.stringContaining('15 Minuten'),
      expect.stringContaining('30 Minuten'),
    ]);

    await failTimes(user, 5);
    t.clock.advance(15 * MINUTE + 1_000);
    expect((await attempt(user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('limits login attempts per IP: the 21st within a minute gets 429 with Retry-After, other IPs go on', async () => {
    const user = await createUser(t);
    const flooder = new TestClient(t.app, { ip: '192.0.2.50' });
    for (let i = 0; i < 20; i++) {
      const res = await flooder.post(LOGIN, { login: `niemand-${i}`, password: WRONG_PASSWORD });
      expect(res.statusCode).toBe(401);
    }
    const limited = await flooder.post(LOGIN, { login: user.username, password: TEST_PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers['set-cookie']).toBeUndefined();

    const other = new TestClient(t.app, { ip: '192.0.2.51' });
    const ok = await other.post(LOGIN, { login: user.username, password: TEST_PASSWORD });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses a suspended user with the right password and ends their open sessions at once', async () => {
    const user = await createUser(t);
    const client = await signIn(t, user, { ip: '192.0.2.60' });
    expect((await client.get(ME)).statusCode).toBe(200);

    await t.platform.database.db
      .updateTable('users')
      .set({ status: 'suspended' })
      .where('id', '=', user.id)
      .execute();

    expect((await client.get(ME)).statusCode).toBe(401);
    const res = await attempt(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'account_suspended' });
    expect(setCookieOf(res, 'nm_access')).toBeUndefined();
    const refresh = await client.post('/api/v1/auth/refresh');
    expect(refresh.statusCode).toBe(401);
  });

  it('refuses a restricted account with a clear answer instead of an error', async () => {
    const user = await createUser(t);
    await t.platform.database.db
      .updateTable('users')
      .set({ status: 'restricted' })
      .where('id', '=', user.id)
      .execute();
    const res = await attempt(user.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'account_restricted' });
    expect(setCookieOf(res, 'nm_access')).toBeUndefined();
  });

  it('does not tell a suspended account apart from a wrong password when the password is wrong', async () => {
    const user = await createUser(t);
    await t.platform.database.db
      .updateTable('users')
      .set({ status: 'suspended' })
      .where('id', '=', user.id)
      .execute();
    const res = await attempt(user.username, WRONG_PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'invalid_credentials' });
  });
});
