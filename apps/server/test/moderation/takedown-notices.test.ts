import { MODERATION_LIMITS, ownTakedownListSchema, takedownConfirmResponseSchema } from '@nano/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, type TestUser } from '../factories.ts';
import type { TestClient } from '../http-client.ts';
import { createDraftWithFile, createPublishedNano } from '../nano-fixtures.ts';
import { deliverNotificationEmails, mailsTo } from '../notifications/notification-fixtures.ts';
import { confirmedNotice, guest, login, nanoStatus, noticeFor, submitNotice } from './takedown-fixtures.ts';

const HOUR = 60 * 60 * 1000;

describe(`takedown notices: the public form, confirmation and the creator's answer (${testDatabaseKind})`, () => {
  let t: TestApp;
  let creatorUser: TestUser;
  let moderatorUser: TestUser;
  // Signed in anew in each test: the tests move the clock past the access token's lifetime.
  let creator: TestClient;
  let moderator: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    moderatorUser = await createUser(t, { role: 'moderator' });
  }, 120_000);
  beforeEach(async () => {
    // A new creator per test: untrusted creators may submit only a few Nanos a month.
    creatorUser = await createUser(t, { role: 'creator' });
    creator = await login(t, creatorUser);
    moderator = await login(t, moderatorUser);
  });
  afterAll(async () => {
    await t.close();
  });

  it('hides the Nano at once on a confirmed notice and tells the creator how and until when to respond', async () => {
    const nanoId = await createPublishedNano(t, creator, moderator);
    const notice = noticeFor(nanoId);
    const client = guest(t);
    const sent = await client.post('/api/v1/takedown-notices', notice);
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toEqual({ status: 'confirmation_sent' });
    // Nothing happens to the Nano before the complainant confirmed their address.
    expect(await nanoStatus(t, nanoId)).toBe('published');

    const mails = await mailsTo(t, notice.complainantEmail);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Bitte bestätigen Sie Ihre Meldung einer Rechtsverletzung');
    const link = /https?:\/\/\S+\?token=[\w.-]+/.exec(mails[0]?.text ?? '')?.[0] ?? '';
    const url = new URL(link);
    expect(url.pathname).toBe('/rechtsverletzung-melden/bestaetigen');
    const token = url.searchParams.get('token') ?? '';
    const stored = await t.platform.database.db
      .selectFrom('takedown_notices')
      .selectAll()
      .where('nano_id', '=', nanoId)
      .executeTakeFirstOrThrow();
    // Only the hash of the token and the anonymised network are kept.
    expect(stored.status).toBe('unconfirmed');
    expect(stored.confirm_token_hash).not.toContain(token);
    expect(stored.ip_network).toMatch(/^198\.51\.\d+\.0$/);

    t.clock.advance(HOUR);
    const confirmed = await client.post('/api/v1/takedown-notices/confirm', { token });
    expect(confirmed.statusCode).toBe(200);
    const body = takedownConfirmResponseSchema.parse(confirmed.json());
    expect(body.status).toBe('awaiting_response');
    expect(body.nanoTitle).toBe('Excel Pivot in 10 Minuten');
    expect(new Date(body.responseDueAt ?? 0).getTime() - t.clock.now().getTime()).toBe(
      MODERATION_LIMITS.takedownResponseHours * HOUR,
    );
    expect(await nanoStatus(t, nanoId)).toBe('hidden');
    // The public no longer sees it; the creator does, with its status.
    creator = await login(t, creatorUser);
    expect((await guest(t).get(`/api/v1/nanos/${nanoId}`)).statusCode).toBe(404);
    expect((await creator.get(`/api/v1/nanos/${nanoId}`)).json()).toMatchObject({ status: 'hidden' });

    // A second confirm (a reloaded page) answers the same and changes nothing.
    const again = await client.post('/api/v1/takedown-notices/confirm', { token });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(body);

    // The hide is an automated decision with a statement of reasons, tied to the notice.
    const decisions = await t.platform.database.db
      .selectFrom('moderation_decisions')
      .selectAll()
      .where('target_id', '=', nanoId)
      .where('source', '=', 'takedown')
      .execute();
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({
      action: 'hide',
      source: 'takedown',
      automated: true,
      decided_by: null,
      related_id: stored.id,
      affected_user_id: creatorUser.id,
      reasons: ['copyright'],
    });

    // The creator gets the notice (name, work, location, deadline; never the complainant's address)
    // and the statement of reasons, both by email although nobody chose email for them.
    await deliverNotificationEmails(t);
    const creatorMails = await mailsTo(t, creatorUser.email);
    const noticeMail = creatorMails.find((mail) =>
      mail.subject.startsWith('Beschwerde wegen einer Rechtsverletzung'),
    );
    expect(noticeMail?.text).toContain('Beschwerdeführer/in: Verlag Beispiel GmbH');
    expect(noticeMail?.text).toContain(`Betroffenes Werk: ${notice.work}`);
    expect(noticeMail?.text).toContain(`Fundort des Originals: ${notice.originalLocation}`);
    expect(noticeMail?.text).toContain(`${t.config.publicUrl}/meine-nanos/beschwerden`);
    expect(noticeMail?.text).toContain('Ohne Antwort bis dahin wird das Nano automatisch archiviert.');
    expect(noticeMail?.text).not.toContain(notice.complainantEmail);
    expect(creatorMails.some((mail) => mail.subject.includes('wurde ausgeblendet'))).toBe(true);

    const audit = await t.platform.database.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('target_id', '=', stored.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((event) => event.action)).toEqual(['takedown.submitted', 'takedown.confirmed']);
    expect(audit[1]?.details).toMatchObject({
      before: { status: 'unconfirmed', nanoStatus: 'published' },
      after: { status: 'awaiting_response', nanoStatus: 'hidden' },
    });
  });

  it('refuses unknown, tampered and expired confirmation links', async () => {
    const nanoId = await createPublishedNano(t, creator, moderator);
    const notice = noticeFor(nanoId);
    const client = guest(t);
    const token = await submitNotice(t, notice, client);

    const tampered = await client.post('/api/v1/takedown-notices/confirm', {
      token: `${token.slice(0, -2)}xx`,
    });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json()).toMatchObject({
      code: 'takedown_token_invalid',
      title: 'Der Bestätigungslink ist ungültig oder abgelaufen. Bitte senden Sie die Meldung erneut.',
    });

    t.clock.advance(MODERATION_LIMITS.takedownConfirmHours * HOUR + 1000);
    const expired = await client.post('/api/v1/takedown-notices/confirm', { token });
    expect(expired.statusCode).toBe(400);
    expect(expired.json()).toMatchObject({ code: 'takedown_token_invalid' });
    expect(await nanoStatus(t, nanoId)).toBe('published');
  });

  it('accepts notices only about online Nanos, with both declarations, and with CSRF like every form', async () => {
    const draftId = await createDraftWithFile(t, creator);
    const draft = await guest(t).post('/api/v1/takedown-notices', noticeFor(draftId));
    expect(draft.statusCode).toBe(404);
    const unknown = await guest(t).post('/api/v1/takedown-notices', noticeFor(crypto.randomUUID()));
    expect(unknown.statusCode).toBe(404);

    const nanoId = await createPublishedNano(t, creator, moderator);
    const noDeclaration = await guest(t).post('/api/v1/takedown-notices', {
      ...noticeFor(nanoId),
      accuracy: false,
    });
    expect(noDeclaration.statusCode).toBe(400);
    expect(noDeclaration.json().errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'body.accuracy' })]),
    );
    const noCsrf = await guest(t).request({
      method: 'POST',
      url: '/api/v1/takedown-notices',
      payload: noticeFor(nanoId),
      csrf: false,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ code: 'csrf_failed' });
  });

  it(`takes at most ${MODERATION_LIMITS.takedownNoticesPerHour} notices per hour from one network`, async () => {
    const nanoId = await createPublishedNano(t, creator, moderator);
    // Move to the start of a clock hour, so the whole test runs in one window.
    t.clock.advance(HOUR - (t.clock.now().getTime() % HOUR));
    // Two addresses of one /24 network share the budget.
    const first = guest(t, '192.0.2.10');
    const second = guest(t, '192.0.2.99');
    for (let i = 0; i < MODERATION_LIMITS.takedownNoticesPerHour; i++) {
      const res = await (i % 2 === 0 ? first : second).post('/api/v1/takedown-notices', noticeFor(nanoId));
      expect(res.statusCode).toBe(202);
    }
    t.clock.advance(10 * 60 * 1000);
    const refused = await first.post('/api/v1/takedown-notices', noticeFor(nanoId));
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'takedown_rate_limited' });
    expect(refused.headers['retry-after']).toBe(String(50 * 60));
    // Another network is not affected; the next hour the first may send again.
    expect(
      (await guest(t, '203.0.113.50').post('/api/v1/takedown-notices', noticeFor(nanoId))).statusCode,
    ).toBe(202);
    t.clock.advance(50 * 60 * 1000);
    expect((await first.post('/api/v1/takedown-notices', noticeFor(nanoId))).statusCode).toBe(202);
  });

  it('lets the creator answer within 48 h and shows them their notices without the complainant address', async () => {
    const nanoId = await createPublishedNano(t, creator, moderator);
    const notice = noticeFor(nanoId);
    const noticeId = await confirmedNotice(t, notice);

    // Only the owner may answer; others learn nothing about the notice.
    const stranger = await login(t, await createUser(t, { role: 'creator' }));
    const foreign = await stranger.post(`/api/v1/nanos/${nanoId}/takedown-response`, {
      text: 'Das ist mein eigenes Material, ich habe alle Rechte.',
    });
    expect(foreign.statusCode).toBe(404);
    expect(
      (await guest(t).post(`/api/v1/nanos/${nanoId}/takedown-response`, { text: 'x'.repeat(20) })).statusCode,
    ).toBe(401);
    const tooShort = await creator.post(`/api/v1/nanos/${nanoId}/takedown-response`, { text: 'Nein.' });
    expect(tooShort.statusCode).toBe(400);

    const list = await creator.get('/api/v1/me/takedown-notices');
    expect(list.statusCode).toBe(200);
    const own = ownTakedownListSchema.parse(list.json());
    const item = own.items.find((entry) => entry.id === noticeId);
    expect(item).toMatchObject({
      status: 'awaiting_response',
      complainantName: 'Verlag Beispiel GmbH',
      work: notice.work,
      nano: { id: nanoId, status: 'hidden' },
      response: null,
    });
    expect(list.body).not.toContain(notice.complainantEmail);
    // Notices against other creators' Nanos are not listed.
    expect(
      ownTakedownListSchema.parse((await stranger.get('/api/v1/me/takedown-notices')).json()).items,
    ).toEqual([]);

    t.clock.advance(47 * HOUR);
    creator = await login(t, creatorUser);
    const text = 'Die Arbeitsblätter habe ich selbst erstellt; die Aufgaben sind eigene Formulierungen.';
    const answered = await creator.post(`/api/v1/nanos/${nanoId}/takedown-response`, { text });
    expect(answered.statusCode).toBe(200);
    expect(ownTakedownListSchema.parse(answered.json()).items).toEqual([
      expect.objectContaining({
        id: noticeId,
        status: 'responded',
        response: { text, at: t.clock.now().toISOString() },
      }),
    ]);
    // Nothing waits for an answer any more.
    const twice = await creator.post(`/api/v1/nanos/${nanoId}/takedown-response`, { text });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'takedown_not_awaiting_response' });
    const audit = await t.platform.database.db
      .selectFrom('audit_events')
      .select(['actor_id', 'details'])
      .where('action', '=', 'takedown.responded')
      .where('target_id', '=', nanoId)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_id: creatorUser.id, details: { noticeIds: [noticeId] } });
  });

  it('refuses an answer after the 48 h (before the deadline job archived the Nano)', async () => {
    const nanoId = await createPublishedNano(t, creator, moderator);
    await confirmedNotice(t, noticeFor(nanoId));
    t.clock.advance(MODERATION_LIMITS.takedownResponseHours * HOUR);
    creator = await login(t, creatorUser);
    const late = await creator.post(`/api/v1/nanos/${nanoId}/takedown-response`, {
      text: 'Leider zu spät, aber hier ist meine Antwort.',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      code: 'takedown_response_period_over',
      title: `Die Frist für Ihre Antwort (${MODERATION_LIMITS.takedownResponseHours} Stunden) ist abgelaufen.`,
    });
  });
});
