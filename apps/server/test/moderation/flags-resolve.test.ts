import { MODERATION_LIMITS, resolveFlagResponseSchema } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liftExpiredSuspensions } from '../../src/modules/identity/account-status.ts';
import { getStanding, grantTrust } from '../../src/modules/moderation/standing.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { openChat, relogin, sent } from '../chat/chat-fixtures.ts';
import { testDatabaseKind } from '../database.ts';
import { nanoCounters, ratingsUrl } from '../feedback/feedback-fixtures.ts';
import { TestClient } from '../http-client.ts';
import { deliverNotificationEmails, mailsTo } from '../notifications/notification-fixtures.ts';
import { insertNano } from '../search/search-fixtures.ts';
import {
  auditEvents,
  flagged,
  type ModerationCast,
  member,
  moderationCast,
  nanoStatus,
  notificationsOf,
  rate,
  resolve,
  resolved,
} from './flags-fixtures.ts';

const STATEMENT = 'Die Arbeitsblätter sind aus einem Schulbuch kopiert.';

describe(`flags: resolving (${testDatabaseKind})`, () => {
  let t: TestApp;
  let cast: ModerationCast;

  beforeAll(async () => {
    t = await buildTestApp();
    cast = await moderationCast(t);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('hides a Nano: every open flag resolved, the statement recorded and mailed, reporters told, audited', async () => {
    const { alice, bob, creator, mona, nanoId } = cast;
    const first = await flagged(alice.client, { targetType: 'nano', targetId: nanoId, reason: 'copyright' });
    await flagged(bob.client, { targetType: 'nano', targetId: nanoId, reason: 'copyright' });

    const missing = await resolve(mona.client, first.id, { action: 'hide' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body.reasons',
      'body.statement',
    ]);
    const wrong = await resolve(mona.client, first.id, {
      action: 'suspend',
      reasons: ['spam'],
      statement: 'x',
    });
    expect(wrong.json().errors).toEqual([
      expect.objectContaining({ field: 'body.action', code: 'action_not_allowed' }),
    ]);

    const res = await mona.client.post(`/api/v1/moderation/flags/${first.id}/resolve`, {
      action: 'hide',
      reasons: ['copyright'],
      statement: STATEMENT,
    });
    expect(res.statusCode, res.body).toBe(200);
    const { decision, flagsResolved } = resolveFlagResponseSchema.parse(res.json());
    expect(flagsResolved).toBe(2);
    expect(decision).toMatchObject({
      targetType: 'nano',
      targetId: nanoId,
      targetLabel: 'Bruchrechnen für Einsteiger',
      action: 'hide',
      source: 'flag',
      reasons: ['copyright'],
      statement: STATEMENT,
      automated: false,
    });
    expect(await nanoStatus(t, nanoId)).toBe('hidden');
    const flags = await t.platform.database.db
      .selectFrom('flags')
      .selectAll()
      .where('target_id', '=', nanoId)
      .execute();
    expect(flags.map((f) => [f.status, f.resolution, f.resolved_by])).toEqual([
      ['resolved', 'hide', mona.user.id],
      ['resolved', 'hide', mona.user.id],
    ]);
    const stored = await t.platform.database.db
      .selectFrom('moderation_decisions')
      .selectAll()
      .where('id', '=', decision.id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      related_id: first.id,
      decided_by: mona.user.id,
      affected_user_id: creator.user.id,
    });

    // The creator gets the statement of reasons (mandatory email); the reporters the outcome, not the owner.
    await deliverNotificationEmails(t);
    const [mail] = await mailsTo(t, creator.user.email);
    expect(mail?.subject).toBe(
      'Entscheidung der Moderation: Ihr Nano „Bruchrechnen für Einsteiger“ wurde ausgeblendet',
    );
    expect(mail?.text).toContain(`Sachverhalt: ${STATEMENT}`);
    for (const reporter of [alice, bob]) {
      expect(await notificationsOf(t, reporter.user.id, 'flag.outcome')).toEqual([
        expect.objectContaining({ action: 'hide', nanoId, title: 'Bruchrechnen für Einsteiger' }),
      ]);
    }
    expect(await notificationsOf(t, creator.user.id, 'flag.outcome')).toEqual([]);
    const [audit] = await auditEvents(t, 'moderation.flag_resolved', first.id);
    expect(audit?.details).toMatchObject({
      action: 'hide',
      decisionId: decision.id,
      before: { flagsOpen: 2, status: 'published' },
      after: { flagsOpen: 0, status: 'hidden' },
    });

    expect((await resolve(mona.client, first.id, { action: 'none' })).json()).toMatchObject({
      code: 'flag_not_open',
      status: 409,
    });
    expect((await resolve(alice.client, first.id, { action: 'none' })).statusCode).toBe(403);
  });

  it('dismisses a flag with action none: nothing changes, nobody is restricted', async () => {
    const { alice, creator, mona } = cast;
    const nanoId = await insertNano(t, creator.user.id, { title: 'Prozentrechnung' });
    const report = await flagged(alice.client, { targetType: 'nano', targetId: nanoId, reason: 'spam' });
    const { decision } = await resolved(mona.client, report.id, { action: 'none' });
    expect(decision).toMatchObject({ action: 'none', appealableUntil: null });
    expect(await nanoStatus(t, nanoId)).toBe('published');
    expect(await notificationsOf(t, alice.user.id, 'flag.outcome')).toContainEqual(
      expect.objectContaining({ action: 'none', nanoId }),
    );
  });

  it('hides a comment but keeps its score; deleting a rating recounts the Nano', async () => {
    const { alice, bob, mona, creator } = cast;
    const nanoId = await insertNano(t, creator.user.id, { title: 'Dreisatz' });
    const rude = await rate(bob, nanoId, 1, 'Der Autor ist ein Vollidiot.');
    const fine = await rate(alice, nanoId, 5, 'Sehr hilfreich.');
    expect(await nanoCounters(t, nanoId)).toEqual({ ratingCount: 2, ratingAvg: 3 });

    const report = await flagged(alice.client, {
      targetType: 'rating',
      targetId: rude,
      reason: 'harassment',
    });
    await resolved(mona.client, report.id, {
      action: 'hide',
      reasons: ['harassment'],
      statement: 'Beleidigung.',
    });
    expect(await nanoCounters(t, nanoId)).toEqual({ ratingCount: 2, ratingAvg: 3 });
    const list = (await new TestClient(t.app).get(ratingsUrl(nanoId))).json();
    expect(list.items).toContainEqual(
      expect.objectContaining({ id: rude, score: 1, comment: null, commentHidden: true }),
    );

    const other = await flagged(bob.client, { targetType: 'rating', targetId: fine, reason: 'spam' });
    await resolved(mona.client, other.id, { action: 'delete', reasons: ['spam'], statement: 'Werbung.' });
    expect(await nanoCounters(t, nanoId)).toEqual({ ratingCount: 1, ratingAvg: 1 });
  });

  it('takes a message out of the chat and warns its sender', async () => {
    const { alice, creator, mona, nanoId } = cast;
    await t.platform.database.db
      .updateTable('nanos')
      .set({ status: 'published' })
      .where('id', '=', nanoId)
      .execute();
    const chat = await openChat(alice.client, nanoId);
    const message = await sent(alice.client, chat.id, 'Kauf meine Kurse auf example.org!');
    const report = await flagged(creator.client, {
      targetType: 'message',
      targetId: message.id,
      reason: 'spam',
    });
    await resolved(mona.client, report.id, {
      action: 'delete',
      reasons: ['spam'],
      statement: 'Werbung im Chat.',
    });
    const seen = await creator.client.get(`/api/v1/chats/${chat.id}/messages`);
    expect(seen.json().items.map((m: { id: string }) => m.id)).not.toContain(message.id);

    const second = await sent(alice.client, chat.id, 'Du bist echt unfähig.');
    const warnFlag = await flagged(creator.client, {
      targetType: 'message',
      targetId: second.id,
      reason: 'harassment',
    });
    const { decision } = await resolved(mona.client, warnFlag.id, {
      action: 'warning',
      reasons: ['harassment'],
      statement: 'Beleidigung im Chat.',
    });
    expect(decision).toMatchObject({ action: 'warn', targetType: 'message', targetId: second.id });
    const after = await creator.client.get(`/api/v1/chats/${chat.id}/messages`);
    expect(after.json().items.map((m: { id: string }) => m.id)).toContain(second.id);
    await deliverNotificationEmails(t);
    // Both statements in one batched email, each in full (a legal notice loses no detail).
    const mail = (await mailsTo(t, alice.user.email)).find((m) => m.text.includes('Verwarnung'));
    expect(mail?.text).toContain('Ihre Chat-Nachricht „Kauf meine Kurse auf example.org!“ wurde entfernt.');
    expect(mail?.text).toContain(
      'Sie erhalten eine Verwarnung der Moderation (betrifft: Ihre Chat-Nachricht „Du bist echt unfähig.“).',
    );
    expect(mail?.text).toContain('Sachverhalt: Beleidigung im Chat.');
  });

  it('suspends a user until a date: signed out at once, the end stored; staff cannot be suspended', async () => {
    const { alice, mona, max } = cast;
    const troll = await member(t, { displayName: 'Troll' });
    const report = await flagged(alice.client, {
      targetType: 'user',
      targetId: troll.user.id,
      reason: 'harassment',
    });
    const until = new Date(t.clock.now().getTime() + 7 * 24 * 3600 * 1000).toISOString();
    const { decision } = await resolved(mona.client, report.id, {
      action: 'suspend',
      reasons: ['harassment'],
      statement: 'Wiederholte Beleidigungen.',
      suspendUntil: until,
    });
    expect(decision).toMatchObject({ action: 'suspend', targetType: 'user', targetLabel: 'Troll' });
    const user = await t.platform.database.db
      .selectFrom('users')
      .select(['status', 'suspended_until'])
      .where('id', '=', troll.user.id)
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ status: 'suspended', suspended_until: new Date(until) });
    expect((await troll.client.get('/api/v1/me/moderation-decisions')).statusCode).toBe(401);
    expect((await auditEvents(t, 'user.suspended', troll.user.id))[0]?.details).toMatchObject({
      before: { status: 'active' },
      after: { status: 'suspended', suspendedUntil: until },
    });

    // Once the end has passed, the job lifts the suspension (not a moment before).
    expect(await liftExpiredSuspensions(t.platform.database.db, { clock: t.clock })).toEqual([]);
    t.clock.advance(7 * 24 * 3600 * 1000);
    expect(await liftExpiredSuspensions(t.platform.database.db, { clock: t.clock })).toEqual([troll.user.id]);
    await relogin(t, alice, mona, troll);
    expect((await troll.client.get('/api/v1/me/moderation-decisions')).statusCode).toBe(200);

    const staffFlag = await flagged(alice.client, {
      targetType: 'user',
      targetId: max.user.id,
      reason: 'spam',
    });
    const refused = await resolve(mona.client, staffFlag.id, {
      action: 'suspend',
      reasons: ['spam'],
      statement: 'x',
    });
    expect(refused.statusCode).toBe(403);
  });

  it(`costs a trusted creator the trust at the ${MODERATION_LIMITS.trustLossUpheldFlags}nd upheld flag`, async () => {
    const { alice, mona } = cast;
    const trusted = await member(t, { role: 'creator' });
    await grantTrust(t.platform.database.db, trusted.user.id, t.clock.now());
    const nanos = await Promise.all(
      ['Eins', 'Zwei', 'Drei'].map((title) => insertNano(t, trusted.user.id, { title })),
    );
    const uphold = async (nanoId: string, action: 'none' | 'hide') => {
      const report = await flagged(alice.client, {
        targetType: 'nano',
        targetId: nanoId,
        reason: 'copyright',
      });
      await resolved(
        mona.client,
        report.id,
        action === 'none' ? { action } : { action, reasons: ['copyright'], statement: STATEMENT },
      );
    };
    await uphold(nanos[0] as string, 'none');
    await uphold(nanos[1] as string, 'hide');
    expect((await getStanding(t.platform.database.db, trusted.user.id)).trusted).toBe(true);
    await uphold(nanos[2] as string, 'hide');
    const standing = await getStanding(t.platform.database.db, trusted.user.id);
    expect(standing).toMatchObject({ trusted: false, trustRevokedReason: 'upheld_flags' });
    expect(await auditEvents(t, 'moderation.trust_revoked', trusted.user.id)).toHaveLength(1);
  });
});
