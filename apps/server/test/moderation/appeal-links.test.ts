import { appealSchema, MODERATION_LIMITS, moderationDecisionSchema } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appealToken, verifyAppealToken } from '../../src/modules/moderation/appeal-link-token.ts';
import { APPEAL_LINK_REQUESTS_PER_HOUR } from '../../src/modules/moderation/appeal-links.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { lastMailTo } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { deliverNotificationEmails, mailsTo } from '../notifications/notification-fixtures.ts';
import { auditEvents, flagged, type Member, member, resolved } from './flags-fixtures.ts';

const DAY = 24 * 60 * 60 * 1000;
const TEXT = 'Ich habe niemanden beleidigt; das Zitat stammt aus einem Film.';
const linkUrl = (token: string) => `/api/v1/appeal-links/${token}`;

describe(`appeal by link for suspended accounts (${testDatabaseKind})`, () => {
  let t: TestApp;
  let alice: Member;
  let mona: Member;
  let admin: Member;
  let nextIp = 0;

  beforeAll(async () => {
    t = await buildTestApp();
    alice = await member(t, { displayName: 'Alice Meldend' });
    mona = await member(t, { role: 'moderator', displayName: 'Mona Moderation' });
    admin = await member(t, { role: 'admin', displayName: 'Ada Admin' });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  /** A browser without an account, from its own network (the link routes are rate limited per network). */
  function anonymous(): TestClient {
    nextIp += 1;
    return new TestClient(t.app, { ip: `198.51.${nextIp}.20` });
  }

  /** The token of the appeal link in the last mail to `email`. */
  async function tokenFromMail(email: string): Promise<string> {
    await deliverNotificationEmails(t);
    const mail = await lastMailTo(t, email);
    expect(mail.link?.pathname).toBe('/einspruch');
    expect(mail.link?.origin).toBe(new URL(t.config.publicUrl).origin);
    return mail.link?.searchParams.get('token') ?? '';
  }

  it('lets a user suspended on a flag see the decision and appeal once by the mailed link', async () => {
    const troll = await member(t, { displayName: 'Troll' });
    const report = await flagged(alice.client, {
      targetType: 'user',
      targetId: troll.user.id,
      reason: 'harassment',
    });
    const { decision } = await resolved(mona.client, report.id, {
      action: 'suspend',
      reasons: ['harassment'],
      statement: 'Wiederholte Beleidigungen im Chat.',
    });
    const token = await tokenFromMail(troll.user.email);
    const mail = await lastMailTo(t, troll.user.email);
    expect(mail.text).toContain('Da Ihr Konto gesperrt ist, können Sie über diesen Link bis zum');
    // Not the sign-in page of „Meine Entscheidungen“: the suspended user cannot reach it.
    expect(mail.text).not.toContain('/meine-entscheidungen');
    expect(token.startsWith(`${decision.id}.`)).toBe(true);

    // The account is suspended: signing in is refused, so the link is the way to appeal.
    const login = await anonymous().post('/api/v1/auth/login', {
      login: troll.user.username,
      password: troll.user.password,
    });
    expect(login.json()).toMatchObject({ code: 'account_suspended' });

    const browser = anonymous();
    const shown = await browser.get(linkUrl(token));
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.headers['cache-control']).toBe('no-store');
    expect(moderationDecisionSchema.parse(shown.json())).toMatchObject({
      id: decision.id,
      action: 'suspend',
      targetType: 'user',
      reasons: ['harassment'],
      statement: 'Wiederholte Beleidigungen im Chat.',
      appealableUntil: decision.appealableUntil,
      appeal: null,
    });

    const tooShort = await browser.post(linkUrl(token), { text: 'kurz' });
    expect(tooShort.statusCode).toBe(400);

    const res = await browser.post(linkUrl(token), { text: TEXT });
    expect(res.statusCode, res.body).toBe(201);
    const appeal = appealSchema.parse(res.json());
    expect(appeal).toMatchObject({
      status: 'open',
      text: TEXT,
      appellant: { id: troll.user.id },
      decision: { id: decision.id },
      originalModerator: null,
    });
    const user = await t.platform.database.db
      .selectFrom('users')
      .select('status')
      .where('id', '=', troll.user.id)
      .executeTakeFirstOrThrow();
    expect(user.status).toBe('suspended');
    const [audit] = await auditEvents(t, 'moderation.appeal_submitted', appeal.id);
    expect(audit).toMatchObject({ actor_id: troll.user.id });
    expect(audit?.details).toMatchObject({ decisionId: decision.id, via: 'link' });

    // The moderators see it in their queue; the link now shows the open appeal.
    const queue = (await mona.client.get('/api/v1/moderation/appeals')).json();
    expect(queue.items.map((a: { id: string }) => a.id)).toContain(appeal.id);
    expect((await browser.get(linkUrl(token))).json().appeal).toMatchObject({
      id: appeal.id,
      status: 'open',
    });

    const again = await browser.post(linkUrl(token), { text: TEXT });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'appeal_exists' });
  });

  it('refuses a forged, altered or malformed token with 400 appeal_link_invalid', async () => {
    const troll = await member(t, { displayName: 'Troll Zwei' });
    const report = await flagged(alice.client, {
      targetType: 'user',
      targetId: troll.user.id,
      reason: 'spam',
    });
    const { decision } = await resolved(mona.client, report.id, {
      action: 'suspend',
      reasons: ['spam'],
      statement: 'Werbung in allen Chats.',
    });
    const token = await tokenFromMail(troll.user.email);
    const [id, exp, mac] = token.split('.');
    const flipped = `${mac?.slice(0, -1)}${mac?.endsWith('A') ? 'B' : 'A'}`;
    const later = String(Number(exp) + DAY);
    const forged = [
      `${id}.${exp}.${flipped}`,
      // A longer period needs a new MAC; one made with another secret does not pass.
      `${id}.${later}.${mac}`,
      appealToken('not-the-server-secret-at-all-0123456789', decision.id, new Date(Number(later))),
      // Correctly signed, but the decision's period ends at another time.
      appealToken(t.config.sessionSecret, decision.id, new Date(Number(later))),
      appealToken(t.config.sessionSecret, crypto.randomUUID(), new Date(Number(exp))),
      `${id}.${exp}`,
      'kein-token',
    ];
    const browser = anonymous();
    for (const bad of forged) {
      const shown = await browser.get(linkUrl(encodeURIComponent(bad)));
      expect(shown.statusCode, bad).toBe(400);
      expect(shown.json()).toMatchObject({ code: 'appeal_link_invalid' });
      const posted = await browser.post(linkUrl(encodeURIComponent(bad)), { text: TEXT });
      expect(posted.json()).toMatchObject({ code: 'appeal_link_invalid' });
    }
    expect(verifyAppealToken(t.config.sessionSecret, token)).toEqual({
      decisionId: decision.id,
      exp: new Date(decision.appealableUntil ?? 0).getTime(),
    });
    expect((await browser.get(linkUrl(token))).statusCode).toBe(200);
  });

  it('puts no link into statements of decisions that do not suspend the account', async () => {
    const eva = await member(t, { displayName: 'Eva' });
    const res = await admin.client.post(`/api/v1/admin/users/${eva.user.id}/warn`, {
      reasons: ['harassment'],
      statement: 'Ein beleidigender Kommentar.',
    });
    expect(res.statusCode, res.body).toBe(200);
    await deliverNotificationEmails(t);
    const mails = await mailsTo(t, eva.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).not.toContain('/einspruch');
    expect(mails[0]?.text).not.toContain('token=');
  });

  it(`links an admin suspension in English and closes after ${MODERATION_LIMITS.appealDays} days`, async () => {
    const finn = await member(t, { displayName: 'Finn' });
    await t.platform.database.db
      .updateTable('users')
      .set({ locale: 'en' })
      .where('id', '=', finn.user.id)
      .execute();
    const res = await admin.client.post(`/api/v1/admin/users/${finn.user.id}/suspend`, {
      reasons: ['spam'],
      statement: 'Mass messages with advertising.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const token = await tokenFromMail(finn.user.email);
    const mail = await lastMailTo(t, finn.user.email);
    expect(mail.text).toContain('As your account is suspended, you can appeal once until');

    t.clock.advance((MODERATION_LIMITS.appealDays + 1) * DAY);
    const browser = anonymous();
    const shown = await browser.get(linkUrl(token));
    expect(shown.statusCode).toBe(200);
    expect(new Date(shown.json().appealableUntil).getTime()).toBeLessThan(t.clock.now().getTime());
    const late = await browser.post(linkUrl(token), { text: TEXT });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'appeal_period_over' });
  });

  it(`allows ${APPEAL_LINK_REQUESTS_PER_HOUR} requests per network and hour`, async () => {
    const browser = anonymous();
    for (let i = 0; i < APPEAL_LINK_REQUESTS_PER_HOUR; i += 1) {
      expect((await browser.get(linkUrl('kein-token'))).statusCode).toBe(400);
    }
    const limited = await browser.get(linkUrl('kein-token'));
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await anonymous().get(linkUrl('kein-token'))).statusCode).toBe(400);
  });
});
