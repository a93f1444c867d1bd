import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, lastMailTo, TEST_PASSWORD } from '../factories.ts';
import { freshClient, mailsTo, signInFresh } from './identity-helpers.ts';

const CHANGE = '/api/v1/auth/email/change';
const VERIFY = '/api/v1/auth/verify-email';
const LOGIN = '/api/v1/auth/login';
const ME = '/api/v1/auth/me';

describe(`email change (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('needs the password: a wrong one is refused on body.password and nothing is mailed', async () => {
    const user = await createUser(t);
    const client = await signInFresh(t, user);
    const res = await client.post(CHANGE, {
      newEmail: 'neu-ohne-passwort@example.org',
      password: 'Falsch-Geraten-11!',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: Array<{ field: string; code: string }> }>().errors).toEqual([
      expect.objectContaining({ field: 'body.password', code: 'wrong_password' }),
    ]);
    expect(await mailsTo(t, 'neu-ohne-passwort@example.org')).toEqual([]);
    expect(await mailsTo(t, user.email)).toEqual([]);
  });

  it('mails a link to the new address and a notice to the old; confirming switches the login', async () => {
    const user = await createUser(t);
    const client = await signInFresh(t, user);
    const newEmail = 'Lea.Umgezogen@Example.org';

    const res = await client.post(CHANGE, { newEmail, password: TEST_PASSWORD });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ status: 'accepted' });

    const confirm = await lastMailTo(t, 'lea.umgezogen@example.org');
    expect(confirm.subject).toBe('Bitte bestätigen Sie Ihre neue E-Mail-Adresse');
    expect(confirm.link?.pathname).toBe('/email-bestaetigen');
    const notice = await lastMailTo(t, user.email);
    expect(notice.subject).toBe('Änderung Ihrer E-Mail-Adresse angefordert');
    expect(notice.text).toContain('lea.umgezogen@example.org');
    expect(notice.link).toBeUndefined();

    // Nothing changes until the new address is confirmed.
    expect((await client.get(ME)).json()).toMatchObject({ email: user.email });
    expect(
      (await freshClient(t).post(LOGIN, { login: user.email, password: TEST_PASSWORD })).statusCode,
    ).toBe(200);

    const verified = await freshClient(t).post(VERIFY, { token: confirm.link?.searchParams.get('token') });
    expect(verified.statusCode, verified.body).toBe(200);
    expect((await client.get(ME)).json()).toMatchObject({
      email: 'lea.umgezogen@example.org',
      emailVerified: true,
    });

    const withNew = await freshClient(t).post(LOGIN, { login: newEmail, password: TEST_PASSWORD });
    expect(withNew.statusCode, withNew.body).toBe(200);
    const withOld = await freshClient(t).post(LOGIN, { login: user.email, password: TEST_PASSWORD });
    expect(withOld.statusCode).toBe(401);
    expect(withOld.json()).toMatchObject({ code: 'invalid_credentials' });
  });

  it('sends no link to an address that already has an account, and the owner there learns nothing', async () => {
    const user = await createUser(t);
    const other = await createUser(t);
    const client = await signInFresh(t, user);
    const res = await client.post(CHANGE, { newEmail: other.email, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(202);
    expect(await mailsTo(t, other.email)).toEqual([]);
    expect((await client.get(ME)).json()).toMatchObject({ email: user.email });
  });

  it('needs a signed-in user', async () => {
    const res = await freshClient(t).post(CHANGE, { newEmail: 'gast@example.org', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(401);
  });
});
