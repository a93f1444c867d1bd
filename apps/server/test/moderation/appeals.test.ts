import { appealPageSchema, appealSchema, MODERATION_LIMITS } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppeal } from '../../src/modules/moderation/appeals.service.ts';
import { recordDecision } from '../../src/modules/moderation/decisions.service.ts';
import { createNotificationService } from '../../src/modules/notifications/notifications.service.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { relogin } from '../chat/chat-fixtures.ts';
import { testDatabaseKind } from '../database.ts';
import { ratingsUrl } from '../feedback/feedback-fixtures.ts';
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
  rate,
  resolved,
} from './flags-fixtures.ts';

const DAY = 24 * 60 * 60 * 1000;
const TEXT = 'Das Material ist von mir selbst erstellt, ich habe die Rechte daran.';

describe(`appeals (${testDatabaseKind})`, () => {
  let t: TestApp;
  let cast: ModerationCast;

  beforeAll(async () => {
    t = await buildTestApp();
    cast = await moderationCast(t);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  /** Mona hides a Nano of the creator on Alice's flag; returns the decision's id. */
  async function hiddenNano(title: string): Promise<{ nanoId: string; decisionId: string }> {
    const nanoId = await insertNano(t, cast.creator.user.id, { title });
    const report = await flagged(cast.alice.client, {
      targetType: 'nano',
      targetId: nanoId,
      reason: 'copyright',
    });
    const { decision } = await resolved(cast.mona.client, report.id, {
      action: 'hide',
      reasons: ['copyright'],
      statement: 'Kopie aus einem Schulbuch.',
    });
    return { nanoId, decisionId: decision.id };
  }

  const appeal = (client: TestClient, decisionId: string, text = TEXT) =>
    client.post('/api/v1/appeals', { decisionId, text });

  it('lets only the affected user appeal, once; a second moderator reverses it and the Nano is back', async () => {
    const { alice, creator, mona, max } = cast;
    const { nanoId, decisionId } = await hiddenNano('Bruchrechnen');

    expect((await appeal(alice.client, decisionId)).statusCode).toBe(404);
    expect((await appeal(creator.client, decisionId, 'kurz')).statusCode).toBe(400);
    const res = await appeal(creator.client, decisionId);
    expect(res.statusCode, res.body).toBe(201);
    const created = appealSchema.parse(res.json());
    expect(created).toMatchObject({
      status: 'open',
      text: TEXT,
      originalModerator: null,
      decision: { id: decisionId },
    });
    expect((await appeal(creator.client, decisionId)).json()).toMatchObject({
      code: 'appeal_exists',
      status: 409,
    });
    const own = (await creator.client.get(`/api/v1/moderation-decisions/${decisionId}`)).json();
    expect(own.appeal).toMatchObject({ id: created.id, status: 'open' });

    const queue = appealPageSchema.parse((await max.client.get('/api/v1/moderation/appeals')).json());
    expect(queue.items.map((a) => [a.id, a.originalModerator?.displayName, a.sla])).toEqual([
      [created.id, 'Mona Moderation', 'ok'],
    ]);
    expect((await creator.client.get('/api/v1/moderation/appeals')).statusCode).toBe(403);

    const same = await mona.client.post(`/api/v1/moderation/appeals/${created.id}/decide`, {
      outcome: 'reverse',
      statement: 'Ich korrigiere mich.',
    });
    expect(same.statusCode).toBe(403);
    expect(same.json()).toMatchObject({ code: 'appeal_same_moderator' });

    const decided = await max.client.post(`/api/v1/moderation/appeals/${created.id}/decide`, {
      outcome: 'reverse',
      statement: 'Die Lizenz liegt vor.',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(appealSchema.parse(decided.json())).toMatchObject({
      status: 'reversed',
      outcomeStatement: 'Die Lizenz liegt vor.',
      originalModerator: { id: mona.user.id },
    });
    expect(await nanoStatus(t, nanoId)).toBe('published');
    const original = await t.platform.database.db
      .selectFrom('moderation_decisions')
      .select('reversed_at')
      .where('id', '=', decisionId)
      .executeTakeFirstOrThrow();
    expect(original.reversed_at).not.toBeNull();
    const mine = (await creator.client.get('/api/v1/me/moderation-decisions')).json();
    expect(mine.items[0]).toMatchObject({
      action: 'restore',
      source: 'appeal',
      statement: 'Die Lizenz liegt vor.',
    });

    await deliverNotificationEmails(t);
    const text = (await mailsTo(t, creator.user.email)).map((m) => m.text).join('\n');
    expect(text).toContain('Ihr Widerspruch war erfolgreich');
    expect(text).toContain('Begründung: Die Lizenz liegt vor.');
    const [audit] = await auditEvents(t, 'moderation.appeal_decided', created.id);
    expect(audit?.details).toMatchObject({
      outcome: 'reverse',
      before: { appeal: 'open', reversed: false, status: 'hidden' },
      after: { appeal: 'reversed', reversed: true, status: 'published' },
    });

    const again = await max.client.post(`/api/v1/moderation/appeals/${created.id}/decide`, {
      outcome: 'uphold',
      statement: 'Doch nicht.',
    });
    expect(again.json()).toMatchObject({ code: 'appeal_not_open', status: 409 });
    expect((await appeal(creator.client, decisionId)).statusCode).toBe(409);
  });

  it(`closes the appeal period after ${MODERATION_LIMITS.appealDays} days`, async () => {
    const { creator } = cast;
    const { decisionId } = await hiddenNano('Prozente');
    t.clock.advance(MODERATION_LIMITS.appealDays * DAY + 1000);
    await relogin(t, cast.creator, cast.alice, cast.bob, cast.mona, cast.max);
    const res = await appeal(creator.client, decisionId);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'appeal_period_over' });
  });

  it('refuses appeals against decisions that restrict nothing', async () => {
    const { creator } = cast;
    const db = t.platform.database.db;
    const approval = await recordDecision(
      db,
      { clock: t.clock, notifications: createNotificationService({ db, clock: t.clock }) },
      {
        targetType: 'nano',
        targetId: cast.nanoId,
        targetLabel: 'Bruchrechnen für Einsteiger',
        affectedUserId: creator.user.id,
        action: 'approve',
        source: 'review',
        reasons: [],
        statement: '',
        decidedBy: cast.mona.user.id,
      },
    );
    expect((await appeal(creator.client, approval.id)).json()).toMatchObject({ code: 'appeal_not_possible' });
  });

  it('upholding keeps the hidden comment hidden and tells the appellant', async () => {
    const { alice, bob, max, mona, nanoId } = cast;
    const ratingId = await rate(bob, nanoId, 1, 'Der Autor hat keine Ahnung, Betrüger!');
    const report = await flagged(alice.client, {
      targetType: 'rating',
      targetId: ratingId,
      reason: 'harassment',
    });
    const { decision } = await resolved(mona.client, report.id, {
      action: 'hide',
      reasons: ['harassment'],
      statement: 'Beleidigung.',
    });
    const created = appealSchema.parse((await appeal(bob.client, decision.id)).json());
    const res = await max.client.post(`/api/v1/moderation/appeals/${created.id}/decide`, {
      outcome: 'uphold',
      statement: '„Betrüger“ ist eine Beleidigung.',
    });
    expect(res.json()).toMatchObject({ status: 'upheld' });
    const list = (await new TestClient(t.app).get(ratingsUrl(nanoId))).json();
    expect(list.items).toContainEqual(
      expect.objectContaining({ id: ratingId, comment: null, commentHidden: true }),
    );
    await deliverNotificationEmails(t);
    const text = (await mailsTo(t, bob.user.email)).map((m) => m.text).join('\n');
    expect(text).toContain('die Entscheidung der Moderation bleibt bestehen');
    const decided = appealPageSchema.parse(
      (await max.client.get('/api/v1/moderation/appeals?status=decided')).json(),
    );
    expect(decided.items[0]).toMatchObject({ id: created.id, status: 'upheld' });
  });

  it('reversing a suspension lifts it', async () => {
    const { alice, mona, max } = cast;
    const troll = await member(t, { displayName: 'Troll' });
    const report = await flagged(alice.client, {
      targetType: 'user',
      targetId: troll.user.id,
      reason: 'harassment',
    });
    const { decision } = await resolved(mona.client, report.id, {
      action: 'suspend',
      reasons: ['harassment'],
      statement: 'Beleidigungen.',
    });
    // A suspended account cannot sign in; its appeal is stored as the web form would store it.
    const created = await createAppeal({ db: t.platform.database.db, clock: t.clock }, troll.user.id, {
      decisionId: decision.id,
      text: TEXT,
    });
    const res = await max.client.post(`/api/v1/moderation/appeals/${created.id}/decide`, {
      outcome: 'reverse',
      statement: 'Verwechslung.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const user = await t.platform.database.db
      .selectFrom('users')
      .select(['status', 'suspended_until'])
      .where('id', '=', troll.user.id)
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ status: 'active', suspended_until: null });
  });
});
