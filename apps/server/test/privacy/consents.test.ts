import type { ConsentOverview, CurrentUser } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_TEXT_VERSIONS, pendingLegalFor } from '../../src/modules/privacy/consents.service.ts';
import { auditRows, signedIn } from '../admin/admin-fixtures.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { registrationBody } from '../identity/identity-helpers.ts';
import { deliverNotificationEmails, mailsTo, notify } from '../notifications/notification-fixtures.ts';

const PUBLISH = (requiresAcceptance: boolean) => ({
  title: { de: 'Datenschutzerklärung', en: 'Privacy policy' },
  body: { de: '## Geändert\n\nNeuer Text.', en: '## Changed\n\nNew text.' },
  requiresAcceptance,
});

describe(`consents and re-acceptance (${testDatabaseKind})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const recordsOf = (userId: string) =>
    t.platform.database.db
      .selectFrom('consent_records')
      .select(['type', 'text_version', 'given', 'source'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();

  const userIdOf = async (username: string) =>
    (
      await t.platform.database.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow()
    ).id;

  it('records terms and privacy at registration, notification emails only when ticked', async () => {
    const client = new TestClient(t.app, { ip: '10.77.0.1' });
    const plain = registrationBody();
    expect((await client.post('/api/v1/auth/register', plain)).statusCode).toBe(201);
    expect(await recordsOf(await userIdOf(String(plain.username)))).toEqual([
      { type: 'terms', text_version: 1, given: true, source: 'registration' },
      { type: 'privacy', text_version: 1, given: true, source: 'registration' },
    ]);

    const optedIn = registrationBody({ acceptNotificationEmails: true });
    expect((await client.post('/api/v1/auth/register', optedIn)).statusCode).toBe(201);
    const id = await userIdOf(String(optedIn.username));
    expect((await recordsOf(id)).map((r) => [r.type, r.given])).toEqual([
      ['terms', true],
      ['privacy', true],
      ['notification_email', true],
    ]);
    const [registered] = await auditRows(t, { action: 'auth.register', actorId: id });
    expect(registered?.details).toMatchObject({
      termsVersion: 1,
      privacyVersion: 1,
      notificationEmails: true,
    });
  });

  it('toggles optional consents, recording only changes, audited, history newest first', async () => {
    const { user, client } = await signedIn(t, 'consumer', { notificationEmails: false });
    let overview = (await client.get('/api/v1/me/consents')).json<ConsentOverview>();
    expect(overview).toMatchObject({
      current: { marketing: false, notification_email: false, terms: 1, privacy: 1 },
      pending: [],
    });
    expect(overview.history).toHaveLength(2);

    t.clock.advance(1000);
    let res = await client.post('/api/v1/me/consents', { type: 'marketing', given: true });
    expect(res.statusCode, res.body).toBe(200);
    t.clock.advance(1000);
    // The same choice again records nothing.
    res = await client.post('/api/v1/me/consents', { type: 'marketing', given: true });
    t.clock.advance(1000);
    res = await client.post('/api/v1/me/consents', { type: 'marketing', given: false });
    overview = res.json<ConsentOverview>();
    expect(overview.current.marketing).toBe(false);
    expect(overview.history.map((r) => [r.type, r.given, r.source, r.textVersion])).toEqual([
      ['marketing', false, 'settings', CONSENT_TEXT_VERSIONS.marketing],
      ['marketing', true, 'settings', CONSENT_TEXT_VERSIONS.marketing],
      ['privacy', true, 'registration', 1],
      ['terms', true, 'registration', 1],
    ]);
    const audit = await auditRows(t, { action: 'consent.changed', actorId: user.id });
    expect(audit.map((a) => a.details)).toEqual([
      { type: 'marketing', given: true, textVersion: 1 },
      { type: 'marketing', given: false, textVersion: 1 },
    ]);
    // Terms and privacy are accepted, not toggled.
    expect((await client.post('/api/v1/me/consents', { type: 'terms', given: false })).statusCode).toBe(400);
    expect((await new TestClient(t.app).get('/api/v1/me/consents')).statusCode).toBe(401);
  });

  it('mails non-mandatory notifications only with consent; mandatory ones always', async () => {
    const without = await createUser(t, { notificationEmails: false });
    const withConsent = await createUser(t, { notificationEmails: true });
    const reply = {
      nanoId: crypto.randomUUID(),
      nanoTitle: 'SQL-Joins',
      ratingId: crypto.randomUUID(),
      creatorName: 'Clara Creator',
    };
    for (const user of [without, withConsent]) {
      await notify(t, user.id, 'rating.reply_received', reply);
      await notify(t, user.id, 'moderation.decision', {
        action: 'none',
        targetType: 'nano',
        title: 'SQL-Joins',
        statement: 'Alles in Ordnung.',
      });
    }
    await deliverNotificationEmails(t);
    const subjects = async (email: string) => (await mailsTo(t, email)).map((m) => m.subject);
    expect(await subjects(withConsent.email)).toHaveLength(2);
    const withoutMails = await subjects(without.email);
    expect(withoutMails).toHaveLength(1);
    expect((await subjects(withConsent.email)).filter((s) => !withoutMails.includes(s))).toHaveLength(1);
    const statuses = await t.platform.database.db
      .selectFrom('notifications')
      .select(['type', 'email_status'])
      .where('user_id', '=', without.id)
      .orderBy('type')
      .execute();
    expect(statuses).toEqual([
      { type: 'moderation.decision', email_status: 'sent' },
      { type: 'rating.reply_received', email_status: 'skipped' },
    ]);

    // Giving consent later: the next notification is mailed; withdrawing stops them again.
    const client = await signIn(t, without, { ip: '10.77.0.2' });
    await client.post('/api/v1/me/consents', { type: 'notification_email', given: true });
    t.clock.advance(60 * 60_000);
    await notify(t, without.id, 'rating.reply_received', reply);
    await deliverNotificationEmails(t);
    expect(await subjects(without.email)).toHaveLength(2);
    const again = await signIn(t, without, { ip: '10.77.0.4' });
    await again.post('/api/v1/me/consents', { type: 'notification_email', given: false });
    t.clock.advance(60 * 60_000);
    await notify(t, without.id, 'rating.reply_received', reply);
    await deliverNotificationEmails(t);
    expect(await subjects(without.email)).toHaveLength(2);
  });

  it('asks again after a new version that requires acceptance, and only then', async () => {
    const { user, client } = await signedIn(t, 'consumer');
    const admin = await signedIn(t, 'admin');
    const me = async () => (await client.get('/api/v1/auth/me')).json<CurrentUser>();
    expect((await me()).pendingLegal).toEqual([]);

    t.clock.advance(1000);
    expect((await admin.client.post('/api/v1/admin/legal/privacy', PUBLISH(true))).statusCode).toBe(201);
    expect((await me()).pendingLegal).toEqual([{ kind: 'privacy', version: 2 }]);
    // The login answer carries it too, so the web app asks before anything else.
    const login = await new TestClient(t.app, { ip: '10.77.0.3' }).post('/api/v1/auth/login', {
      login: user.username,
      password: user.password,
    });
    expect(login.json().user.pendingLegal).toEqual([{ kind: 'privacy', version: 2 }]);

    // Accepting the replaced version is refused with a clear, localised error.
    const outdated = await client.post('/api/v1/me/legal-acceptances', {
      documents: [{ kind: 'privacy', version: 1 }],
    });
    expect(outdated.statusCode).toBe(409);
    expect(outdated.json()).toMatchObject({ code: 'legal_version_outdated' });
    expect(outdated.json().title).toContain('neuere Fassung');

    t.clock.advance(1000);
    const accepted = await client.post('/api/v1/me/legal-acceptances', {
      documents: [{ kind: 'privacy', version: 2 }],
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<ConsentOverview>()).toMatchObject({
      pending: [],
      current: { privacy: 2, terms: 1 },
    });
    expect(accepted.json<ConsentOverview>().history[0]).toMatchObject({
      type: 'privacy',
      textVersion: 2,
      given: true,
      source: 'login',
    });
    expect((await me()).pendingLegal).toEqual([]);
    expect((await auditRows(t, { action: 'legal.accepted', actorId: user.id })).at(-1)?.details).toEqual({
      documents: [{ kind: 'privacy', version: 2 }],
    });

    // An editorial version that needs no acceptance asks nobody, not even those behind by one.
    const behind = await createUser(t);
    await t.platform.database.db
      .updateTable('consent_records')
      .set({ text_version: 2 })
      .where('user_id', '=', behind.id)
      .where('type', '=', 'privacy')
      .execute();
    t.clock.advance(1000);
    expect((await admin.client.post('/api/v1/admin/legal/privacy', PUBLISH(false))).statusCode).toBe(201);
    expect((await me()).pendingLegal).toEqual([]);
    expect(await pendingLegalFor(t.platform.database.db, behind.id)).toEqual([]);
    expect((await admin.client.post('/api/v1/admin/legal/terms', { ...PUBLISH(false) })).statusCode).toBe(
      201,
    );
    expect((await me()).pendingLegal).toEqual([]);
  });

  it('asks staff created without registration to accept both documents, in their current versions', async () => {
    const staff = await t.platform.database.db
      .insertInto('users')
      .values({
        id: crypto.randomUUID(),
        email: 'neu-staff@example.org',
        username: 'neu-staff',
        display_name: 'Neu Staff',
        role: 'moderator',
        created_at: t.clock.now(),
        updated_at: t.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await pendingLegalFor(t.platform.database.db, staff.id)).toEqual([
      { kind: 'privacy', version: 3 },
      { kind: 'terms', version: 2 },
    ]);
  });
});
