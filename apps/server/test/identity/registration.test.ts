import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, lastMailTo, TEST_PASSWORD } from '../factories.ts';
import { freshClient, mailsTo, registrationBody } from './identity-helpers.ts';

const REGISTER = '/api/v1/auth/register';
const VERIFY = '/api/v1/auth/verify-email';
const RESEND = '/api/v1/auth/resend-verification';
const LOGIN = '/api/v1/auth/login';

interface FieldError {
  field: string;
  code: string;
  message: string;
}

describe(`registration and email verification (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const findUser = (email: string) =>
    t.platform.database.db
      .selectFrom('users')
      .select(['id', 'username', 'email_verified_at', 'role', 'status'])
      .where('email', '=', email)
      .executeTakeFirst();

  const verificationToken = async (email: string) => {
    const mail = await lastMailTo(t, email);
    expect(mail.link?.pathname).toBe('/email-bestaetigen');
    const token = mail.link?.searchParams.get('token');
    expect(token).toBeTruthy();
    return token as string;
  };

  it('answers 201 and mails a verification link; the account waits unverified', async () => {
    const body = registrationBody({ email: 'Nina.Neu@Example.org', username: 'nina-neu' });
    const res = await freshClient(t).post(REGISTER, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ status: 'accepted' });

    const mail = await lastMailTo(t, 'nina.neu@example.org');
    expect(mail.subject).toBe('Bitte bestätigen Sie Ihre E-Mail-Adresse');
    expect(mail.link?.origin).toBe(t.config.publicUrl);
    expect(mail.link?.pathname).toBe('/email-bestaetigen');
    expect(mail.link?.searchParams.get('token')).toMatch(/^[\w-]{20,}$/);

    const user = await findUser('nina.neu@example.org');
    expect(user).toMatchObject({ username: 'nina-neu', role: 'consumer', status: 'active' });
    expect(user?.email_verified_at).toBeNull();
  });

  it('answers an already registered email exactly alike, tells its owner, and keeps their password', async () => {
    const owner = await createUser(t);
    const attacker = freshClient(t);
    const fresh = await attacker.post(REGISTER, registrationBody());
    const taken = await attacker.post(
      REGISTER,
      registrationBody({ email: owner.email.toUpperCase(), password: 'Ganz-Anderes-Passwort-42?' }),
    );
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(taken.body).toBe(fresh.body);

    const mail = await lastMailTo(t, owner.email);
    expect(mail.subject).toContain('Registrierungsversuch');
    expect(await mailsTo(t, owner.email)).toHaveLength(1);

    const attackerLogin = await freshClient(t).post(LOGIN, {
      login: owner.email,
      password: 'Ganz-Anderes-Passwort-42?',
    });
    expect(attackerLogin.statusCode).toBe(401);
    const ownerLogin = await freshClient(t).post(LOGIN, { login: owner.email, password: TEST_PASSWORD });
    expect(ownerLogin.statusCode, ownerLogin.body).toBe(200);
  });

  it('reports a taken username on body.username', async () => {
    const existing = await createUser(t);
    const res = await freshClient(t).post(REGISTER, registrationBody({ username: existing.username }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
    expect(res.json<{ errors: FieldError[] }>().errors).toEqual([
      {
        field: 'body.username',
        code: 'username_taken',
        message: 'Dieser Benutzername ist bereits vergeben.',
      },
    ]);
  });

  it.each(['Sommer2025!', 'Passwort1!'])(
    'refuses the common password %s with a German message',
    async (password) => {
      const body = registrationBody({ password });
      const res = await freshClient(t).post(REGISTER, body);
      expect(res.statusCode).toBe(400);
      const errors = res.json<{ errors: FieldError[] }>().errors;
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((e) => e.field === 'body.password')).toBe(true);
      expect(errors).toContainEqual(
        expect.objectContaining({ field: 'body.password', message: 'Dieses Passwort ist zu verbreitet.' }),
      );
      expect(await findUser(String(body.email))).toBeUndefined();
    },
  );

  it('words the password problems in English for Accept-Language: en', async () => {
    const res = await freshClient(t, { locale: 'en' }).post(
      REGISTER,
      registrationBody({ password: 'Sommer2025!' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ title: 'The input is invalid.' });
    expect(res.json<{ errors: FieldError[] }>().errors).toContainEqual(
      expect.objectContaining({ field: 'body.password', message: 'This password is too common.' }),
    );
  });

  it('refuses passwords that break the composition rules, naming each rule', async () => {
    const res = await freshClient(t).post(REGISTER, registrationBody({ password: 'kurz' }));
    expect(res.statusCode).toBe(400);
    const messages = res
      .json<{ errors: FieldError[] }>()
      .errors.filter((e) => e.field === 'body.password')
      .map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Mindestens 8 Zeichen.',
        'Mindestens ein Großbuchstabe.',
        'Mindestens eine Ziffer.',
      ]),
    );
  });

  it('requires accepting the terms and the privacy policy', async () => {
    const client = freshClient(t);
    const body = registrationBody({ acceptTerms: false, acceptPrivacy: false });
    const res = await client.post(REGISTER, body);
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ errors: FieldError[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.acceptTerms', 'body.acceptPrivacy']));

    const { acceptTerms: _terms, ...withoutTerms } = registrationBody();
    const missing = await client.post(REGISTER, withoutTerms);
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ errors: FieldError[] }>().errors.map((e) => e.field)).toEqual(['body.acceptTerms']);
    expect(await findUser(String(body.email))).toBeUndefined();
  });

  it('reports a malformed email and username on their fields', async () => {
    const res = await freshClient(t).post(
      REGISTER,
      registrationBody({ email: 'keine-adresse', username: '-Falsch Name' }),
    );
    expect(res.statusCode).toBe(400);
    const errors = res.json<{ errors: FieldError[] }>().errors;
    expect(errors).toContainEqual(
      expect.objectContaining({ field: 'body.email', message: 'Keine gültige E-Mail-Adresse.' }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({
        field: 'body.username',
        message: 'Nur Kleinbuchstaben, Ziffern, - und _; am Anfang ein Buchstabe oder eine Ziffer.',
      }),
    );
  });

  it('refuses login before verification, and the link verifies exactly once', async () => {
    const client = freshClient(t);
    const body = registrationBody();
    expect((await client.post(REGISTER, body)).statusCode).toBe(201);

    const early = await client.post(LOGIN, { login: body.username, password: body.password });
    expect(early.statusCode).toBe(403);
    expect(early.json()).toMatchObject({ code: 'email_not_verified' });
    expect(client.cookie('nm_access')).toBeUndefined();

    const token = await verificationToken(String(body.email));
    const first = await client.post(VERIFY, { token });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ status: 'accepted' });
    expect((await findUser(String(body.email)))?.email_verified_at).not.toBeNull();

    const again = await client.post(VERIFY, { token });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'token_invalid' });

    const login = await client.post(LOGIN, { login: body.username, password: body.password });
    expect(login.statusCode, login.body).toBe(200);
  });

  it('lets a verification link expire after 24 hours', async () => {
    const client = freshClient(t);
    const body = registrationBody();
    expect((await client.post(REGISTER, body)).statusCode).toBe(201);
    const token = await verificationToken(String(body.email));

    t.clock.advance(24 * 60 * 60_000 + 1_000);
    const res = await client.post(VERIFY, { token });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'token_invalid' });
    expect((await findUser(String(body.email)))?.email_verified_at).toBeNull();
  });

  it('answers resend-verification alike for known and unknown addresses; only the account gets a new link', async () => {
    const client = freshClient(t);
    const body = registrationBody();
    const email = String(body.email);
    expect((await client.post(REGISTER, body)).statusCode).toBe(201);
    const oldToken = await verificationToken(email);

    const known = await client.post(RESEND, { email });
    const unknown = await client.post(RESEND, { email: 'niemand-hier@example.org' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(await mailsTo(t, 'niemand-hier@example.org')).toEqual([]);
    expect(await mailsTo(t, email)).toHaveLength(2);

    const newToken = await verificationToken(email);
    expect(newToken).not.toBe(oldToken);
    expect((await client.post(VERIFY, { token: oldToken })).json()).toMatchObject({ code: 'token_invalid' });
    expect((await client.post(VERIFY, { token: newToken })).statusCode).toBe(200);
  });

  it('sends nothing to an already verified address on resend', async () => {
    const user = await createUser(t);
    const res = await freshClient(t).post(RESEND, { email: user.email });
    expect(res.statusCode).toBe(202);
    expect(await mailsTo(t, user.email)).toEqual([]);
  });
});
