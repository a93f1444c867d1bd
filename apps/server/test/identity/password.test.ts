import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, lastMailTo, TEST_PASSWORD, type TestUser } from '../factories.ts';
import { freshClient, mailsTo, signInFresh } from './identity-helpers.ts';

const CHANGE = '/api/v1/auth/password/change';
const RESET_REQUEST = '/api/v1/auth/password-reset/request';
const RESET_CONFIRM = '/api/v1/auth/password-reset/confirm';
const LOGIN = '/api/v1/auth/login';
const ME = '/api/v1/auth/me';
const NEW_PASSWORD = 'Regenschirm-Laterne-58?';
const MINUTE = 60_000;

interface FieldError {
  field: string;
  code: string;
  message: string;
}

describe(`password change and reset (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const login = (user: TestUser, password: string) =>
    freshClient(t).post(LOGIN, { login: user.username, password });

  /** Asks for a reset link for `user` and returns its token. */
  const requestReset = async (user: TestUser): Promise<string> => {
    const res = await freshClient(t).post(RESET_REQUEST, { email: user.email });
    expect(res.statusCode).toBe(202);
    const mail = await lastMailTo(t, user.email);
    expect(mail.subject).toBe('Passwort zurücksetzen');
    expect(mail.link?.pathname).toBe('/passwort-zuruecksetzen');
    return mail.link?.searchParams.get('token') ?? '';
  };

  describe('change', () => {
    it('refuses a wrong current password on body.currentPassword and changes nothing', async () => {
      const user = await createUser(t);
      const client = await signInFresh(t, user);
      const res = await client.post(CHANGE, {
        currentPassword: 'Falsch-Geraten-11!',
        newPassword: NEW_PASSWORD,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ errors: FieldError[] }>().errors).toEqual([
        { field: 'body.currentPassword', code: 'wrong_password', message: 'Das Passwort ist falsch.' },
      ]);
      expect((await login(user, TEST_PASSWORD)).statusCode).toBe(200);
      expect(await mailsTo(t, user.email)).toEqual([]);
    });

    it('refuses a weak new password on body.newPassword', async () => {
      const user = await createUser(t);
      const client = await signInFresh(t, user);
      for (const newPassword of ['Passwort1!', 'kurz']) {
        const res = await client.post(CHANGE, { currentPassword: TEST_PASSWORD, newPassword });
        expect(res.statusCode).toBe(400);
        const errors = res.json<{ errors: FieldError[] }>().errors;
        expect(errors.length).toBeGreaterThan(0);
        expect(errors.every((e) => e.field === 'body.newPassword')).toBe(true);
      }
      expect((await login(user, TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('sets the new password, keeps this device, signs out the others and mails the owner', async () => {
      const user = await createUser(t);
      const laptop = await signInFresh(t, user, { userAgent: 'Firefox/130 Laptop' });
      const phone = await signInFresh(t, user, { userAgent: 'Safari/17 iPhone' });

      const res = await laptop.post(CHANGE, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
      expect(res.statusCode, res.body).toBe(204);
      expect((await lastMailTo(t, user.email)).subject).toBe('Ihr Passwort wurde geändert');

      expect((await laptop.get(ME)).statusCode).toBe(200);
      expect((await laptop.post('/api/v1/auth/refresh')).statusCode).toBe(200);
      expect((await phone.get(ME)).statusCode).toBe(401);
      expect((await phone.post('/api/v1/auth/refresh')).statusCode).toBe(401);

      expect((await login(user, TEST_PASSWORD)).statusCode).toBe(401);
      expect((await login(user, NEW_PASSWORD)).statusCode).toBe(200);
    });
  });

  describe('reset', () => {
    it('answers 202 alike for unknown addresses and mails nothing then', async () => {
      const user = await createUser(t);
      const client = freshClient(t);
      const known = await client.post(RESET_REQUEST, { email: user.email });
      const unknown = await client.post(RESET_REQUEST, { email: 'unbekannt@example.org' });
      expect(known.statusCode).toBe(202);
      expect(unknown.statusCode).toBe(202);
      expect(unknown.body).toBe(known.body);
      expect(await mailsTo(t, 'unbekannt@example.org')).toEqual([]);
      expect(await mailsTo(t, user.email)).toHaveLength(1);
    });

    it('sets a new password once; the link then is spent and every session is signed out', async () => {
      const user = await createUser(t);
      const device = await signInFresh(t, user);
      const token = await requestReset(user);

      const res = await freshClient(t).post(RESET_CONFIRM, { token, newPassword: NEW_PASSWORD });
      expect(res.statusCode, res.body).toBe(204);
      expect((await lastMailTo(t, user.email)).subject).toBe('Ihr Passwort wurde geändert');
      expect((await device.get(ME)).statusCode).toBe(401);
      expect((await device.post('/api/v1/auth/refresh')).statusCode).toBe(401);
      expect((await login(user, TEST_PASSWORD)).statusCode).toBe(401);
      expect((await login(user, NEW_PASSWORD)).statusCode).toBe(200);

      const again = await freshClient(t).post(RESET_CONFIRM, { token, newPassword: 'Noch-Ein-Passwort-77!' });
      expect(again.statusCode).toBe(400);
      expect(again.json()).toMatchObject({ code: 'token_invalid' });
      expect((await login(user, NEW_PASSWORD)).statusCode).toBe(200);
    });

    it('lets the link expire after one hour', async () => {
      const user = await createUser(t);
      const token = await requestReset(user);
      t.clock.advance(61 * MINUTE);
      const res = await freshClient(t).post(RESET_CONFIRM, { token, newPassword: NEW_PASSWORD });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'token_invalid' });
      expect((await login(user, TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('only the newest link works', async () => {
      const user = await createUser(t);
      const first = await requestReset(user);
      const second = await requestReset(user);
      const old = await freshClient(t).post(RESET_CONFIRM, { token: first, newPassword: NEW_PASSWORD });
      expect(old.json()).toMatchObject({ code: 'token_invalid' });
      const res = await freshClient(t).post(RESET_CONFIRM, { token: second, newPassword: NEW_PASSWORD });
      expect(res.statusCode).toBe(204);
    });

    it('rejects a weak new password without spending the link', async () => {
      const user = await createUser(t);
      const token = await requestReset(user);
      const weak = await freshClient(t).post(RESET_CONFIRM, { token, newPassword: 'Sommer2025!' });
      expect(weak.statusCode).toBe(400);
      expect(weak.json<{ errors: FieldError[] }>().errors).toContainEqual(
        expect.objectContaining({ field: 'body.newPassword', message: 'Dieses Passwort ist zu verbreitet.' }),
      );
      expect((await login(user, TEST_PASSWORD)).statusCode).toBe(200);

      const strong = await freshClient(t).post(RESET_CONFIRM, { token, newPassword: NEW_PASSWORD });
      expect(strong.statusCode, strong.body).toBe(204);
      expect((await login(user, NEW_PASSWORD)).statusCode).toBe(200);
    });

    it('lifts a lock: the new password works at once', async () => {
      const user = await createUser(t);
      for (let i = 0; i < 5; i++) {
        expect((await login(user, 'Falsch-Geraten-11!')).statusCode).toBe(401);
      }
      expect((await login(user, TEST_PASSWORD)).statusCode).toBe(401);

      const token = await requestReset(user);
      expect(
        (await freshClient(t).post(RESET_CONFIRM, { token, newPassword: NEW_PASSWORD })).statusCode,
      ).toBe(204);
      const res = await login(user, NEW_PASSWORD);
      expect(res.statusCode, res.body).toBe(200);
    });
  });
});
