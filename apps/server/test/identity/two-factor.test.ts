import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpNow } from '../../src/modules/identity/crypto/totp.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, lastMailTo, TEST_PASSWORD, type TestUser } from '../factories.ts';
import type { TestClient } from '../http-client.ts';
import {
  auditEvents,
  enableTwoFactor,
  freshClient,
  setCookieOf,
  signInFresh,
  TOTP_STEP_MS,
  wrongTotp,
} from './identity-helpers.ts';

const LOGIN = '/api/v1/auth/login';
const LOGIN_2FA = '/api/v1/auth/login/2fa';
const ME = '/api/v1/auth/me';

describe(`two-factor sign-in (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** The password step of a login: the answer asks for the second factor. */
  const passwordStep = async (user: TestUser): Promise<TestClient> => {
    const client = freshClient(t);
    const res = await client.post(LOGIN, { login: user.username, password: TEST_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ twoFactorRequired: true });
    return client;
  };

  /** A user with 2FA enabled, and what their authenticator app and paper list hold. */
  const userWithTwoFactor = async () => {
    const user = await createUser(t);
    const { secret, backupCodes } = await enableTwoFactor(t, await signInFresh(t, user));
    return { user, secret, backupCodes };
  };

  it('sets up with a secret, an otpauth URI and a PNG QR code, and enables only with a right code', async () => {
    const user = await createUser(t);
    const client = await signInFresh(t, user);
    const setup = await client.post('/api/v1/auth/2fa/setup');
    expect(setup.statusCode, setup.body).toBe(200);
    const { secret, otpauthUri, qrDataUrl } = setup.json<{
      secret: string;
      otpauthUri: string;
      qrDataUrl: string;
    }>();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(otpauthUri).toContain(`secret=${secret}`);
    expect(otpauthUri).toContain('issuer=Nano-Marktplatz');
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);

    const wrong = await client.post('/api/v1/auth/2fa/enable', { code: wrongTotp(secret, t.clock.now()) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ errors: Array<{ field: string }> }>().errors).toEqual([
      expect.objectContaining({ field: 'body.code', code: 'two_factor_code' }),
    ]);
    expect((await client.get(ME)).json()).toMatchObject({ twoFactorEnabled: false });

    const ok = await client.post('/api/v1/auth/2fa/enable', { code: totpNow(secret, t.clock.now()) });
    expect(ok.statusCode, ok.body).toBe(200);
    const codes = ok.json<{ backupCodes: string[] }>().backupCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await client.get(ME)).json()).toMatchObject({ twoFactorEnabled: true });
    expect(await auditEvents(t, { action: 'auth.2fa_enabled', actorId: user.id })).toHaveLength(1);
    t.clock.advance(TOTP_STEP_MS);
  });

  it('asks for the second factor without setting session cookies, then signs in with a TOTP code', async () => {
    const { user, secret } = await userWithTwoFactor();
    const client = freshClient(t);
    const first = await client.post(LOGIN, { login: user.username, password: TEST_PASSWORD });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ twoFactorRequired: true });
    expect(setCookieOf(first, 'nm_access')).toBeUndefined();
    expect(setCookieOf(first, 'nm_refresh')).toBeUndefined();
    expect((await client.get(ME)).statusCode).toBe(401);

    const second = await client.post(LOGIN_2FA, { code: totpNow(secret, t.clock.now()) });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({
      twoFactorRequired: false,
      user: { id: user.id, twoFactorEnabled: true },
    });
    expect((await client.get(ME)).statusCode).toBe(200);
  });

  it('refuses a TOTP code used before (replay on the next login)', async () => {
    const { user, secret } = await userWithTwoFactor();
    const code = totpNow(secret, t.clock.now());
    const first = await passwordStep(user);
    expect((await first.post(LOGIN_2FA, { code })).statusCode).toBe(200);

    const next = await passwordStep(user);
    const replay = await next.post(LOGIN_2FA, { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'two_factor_invalid' });
    expect((await next.get(ME)).statusCode).toBe(401);

    t.clock.advance(TOTP_STEP_MS);
    const fresh = await next.post(LOGIN_2FA, { code: totpNow(secret, t.clock.now()) });
    expect(fresh.statusCode, fresh.body).toBe(200);
  });

  it('accepts each backup code once', async () => {
    const { user, backupCodes } = await userWithTwoFactor();
    const [code] = backupCodes;
    const first = await passwordStep(user);
    const ok = await first.post(LOGIN_2FA, { backupCode: code?.toUpperCase() });
    expect(ok.statusCode, ok.body).toBe(200);

    const second = await passwordStep(user);
    const reused = await second.post(LOGIN_2FA, { backupCode: code });
    expect(reused.statusCode).toBe(401);
    expect(reused.json()).toMatchObject({ code: 'two_factor_invalid' });
    expect((await second.post(LOGIN_2FA, { backupCode: backupCodes[1] })).statusCode).toBe(200);
  });

  it('needs the password step first', async () => {
    const { secret } = await userWithTwoFactor();
    const res = await freshClient(t).post(LOGIN_2FA, { code: totpNow(secret, t.clock.now()) });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'session_expired' });
  });

  it('locks the account after 5 wrong codes and tells the owner', async () => {
    const { user, secret } = await userWithTwoFactor();
    const client = await passwordStep(user);
    for (let i = 0; i < 5; i++) {
      const res = await client.post(LOGIN_2FA, { code: wrongTotp(secret, t.clock.now()) });
      expect(res.statusCode).toBe(401);
    }
    expect((await lastMailTo(t, user.email)).subject).toBe('Ihr Konto wurde vorübergehend gesperrt');

    const right = await client.post(LOGIN_2FA, { code: totpNow(secret, t.clock.now()) });
    expect(right.statusCode).toBe(401);
    const again = await freshClient(t).post(LOGIN, { login: user.username, password: TEST_PASSWORD });
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ code: 'invalid_credentials' });
  });

  it('replaces the backup codes on regeneration: old ones stop working, new ones work', async () => {
    const { user, backupCodes } = await userWithTwoFactor();
    const first = await passwordStep(user);
    expect((await first.post(LOGIN_2FA, { backupCode: backupCodes[0] })).statusCode).toBe(200);

    const regenerated = await first.post('/api/v1/auth/2fa/backup-codes');
    expect(regenerated.statusCode, regenerated.body).toBe(200);
    const fresh = regenerated.json<{ backupCodes: string[] }>().backupCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => backupCodes.includes(c))).toEqual([]);

    const second = await passwordStep(user);
    const old = await second.post(LOGIN_2FA, { backupCode: backupCodes[1] });
    expect(old.statusCode).toBe(401);
    expect((await second.post(LOGIN_2FA, { backupCode: fresh[0] })).statusCode).toBe(200);
  });

  it('disables only with the password and a current code; then login needs no second factor', async () => {
    const { user, secret } = await userWithTwoFactor();
    const client = await passwordStep(user);
    expect((await client.post(LOGIN_2FA, { code: totpNow(secret, t.clock.now()) })).statusCode).toBe(200);
    t.clock.advance(TOTP_STEP_MS);

    const wrongPassword = await client.post('/api/v1/auth/2fa/disable', {
      password: 'Falsch-Geraten-11!',
      code: totpNow(secret, t.clock.now()),
    });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json<{ errors: Array<{ field: string }> }>().errors).toEqual([
      expect.objectContaining({ field: 'body.password' }),
    ]);
    const wrongCode = await client.post('/api/v1/auth/2fa/disable', {
      password: TEST_PASSWORD,
      code: wrongTotp(secret, t.clock.now()),
    });
    expect(wrongCode.statusCode).toBe(400);
    expect(wrongCode.json<{ errors: Array<{ field: string }> }>().errors).toEqual([
      expect.objectContaining({ field: 'body.code' }),
    ]);
    expect((await client.get(ME)).json()).toMatchObject({ twoFactorEnabled: true });

    const ok = await client.post('/api/v1/auth/2fa/disable', {
      password: TEST_PASSWORD,
      code: totpNow(secret, t.clock.now()),
    });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await client.get(ME)).json()).toMatchObject({ twoFactorEnabled: false });

    const login = await freshClient(t).post(LOGIN, { login: user.username, password: TEST_PASSWORD });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ twoFactorRequired: false });
  });
});
