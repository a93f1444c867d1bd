import { flagDetailSchema, flagQueuePageSchema, MODERATION_LIMITS } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { openChat, relogin, sent } from '../chat/chat-fixtures.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { insertNano } from '../search/search-fixtures.ts';
import {
  auditEvents,
  flag,
  flagged,
  type ModerationCast,
  member,
  moderationCast,
  rate,
} from './flags-fixtures.ts';

const HOUR = 60 * 60 * 1000;

describe(`flags: reporting (${testDatabaseKind})`, () => {
  let t: TestApp;
  let cast: ModerationCast;

  beforeAll(async () => {
    t = await buildTestApp();
    cast = await moderationCast(t);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('takes a report of a published Nano once per reporter, never of one’s own', async () => {
    const { alice, bob, creator, nanoId } = cast;
    const body = {
      targetType: 'nano',
      targetId: nanoId,
      reason: 'copyright',
      description: 'Aus einem Schulbuch',
    } as const;
    const created = await flagged(alice.client, body);
    expect(created).toMatchObject({
      targetType: 'nano',
      targetId: nanoId,
      reason: 'copyright',
      status: 'open',
    });
    expect((await flag(alice.client, body)).json()).toMatchObject({ code: 'flag_exists', status: 409 });
    await flagged(bob.client, body);
    const own = await flag(creator.client, body);
    expect(own.statusCode).toBe(422);
    expect(own.json()).toMatchObject({ code: 'flag_own' });
    expect((await new TestClient(t.app).post('/api/v1/flags', body)).statusCode).toBe(401);
  });

  it('treats what the reporter cannot see as not found: drafts, unknown ids, others’ chats, erased users', async () => {
    const { alice, bob, creator } = cast;
    const draft = await insertNano(t, creator.user.id, { title: 'Noch ein Entwurf', status: 'draft' });
    const hiddenNano = await insertNano(t, creator.user.id, { title: 'Gesperrt' });
    const notFound = async (body: Parameters<typeof flag>[1]) => {
      const res = await flag(alice.client, body);
      expect(res.statusCode, res.body).toBe(404);
    };
    await notFound({ targetType: 'nano', targetId: draft, reason: 'spam' });
    await notFound({ targetType: 'nano', targetId: crypto.randomUUID(), reason: 'spam' });
    await notFound({ targetType: 'rating', targetId: crypto.randomUUID(), reason: 'spam' });
    await notFound({ targetType: 'user', targetId: crypto.randomUUID(), reason: 'spam' });
    await notFound({ targetType: 'message', targetId: crypto.randomUUID(), reason: 'spam' });

    // A chat between Bob and the creator: Alice is no party, so its messages do not exist for her.
    const chat = await openChat(bob.client, cast.nanoId);
    const message = await sent(bob.client, chat.id, 'Gibt es das auch als Video?');
    await notFound({ targetType: 'message', targetId: message.id, reason: 'harassment' });
    await flagged(creator.client, { targetType: 'message', targetId: message.id, reason: 'harassment' });
    expect(
      (await flag(bob.client, { targetType: 'message', targetId: message.id, reason: 'spam' })).json(),
    ).toMatchObject({
      code: 'flag_own',
    });

    // A rating on a published Nano can be reported; once the Nano is hidden, neither can.
    const ratingId = await rate(bob, hiddenNano, 1, 'Völlig nutzlos, der Autor ist ein Idiot.');
    await flagged(alice.client, { targetType: 'rating', targetId: ratingId, reason: 'harassment' });
    expect(
      (await flag(bob.client, { targetType: 'rating', targetId: ratingId, reason: 'spam' })).statusCode,
    ).toBe(422);
    await t.platform.database.db
      .updateTable('nanos')
      .set({ status: 'hidden' })
      .where('id', '=', hiddenNano)
      .execute();
    await notFound({ targetType: 'nano', targetId: hiddenNano, reason: 'spam' });
    // Now even someone who never reported it cannot.
    const carol = await member(t);
    expect(
      (await flag(carol.client, { targetType: 'rating', targetId: ratingId, reason: 'spam' })).statusCode,
    ).toBe(404);

    // Users: others yes, oneself no, erased accounts are gone.
    await flagged(alice.client, { targetType: 'user', targetId: bob.user.id, reason: 'spam' });
    expect(
      (await flag(alice.client, { targetType: 'user', targetId: alice.user.id, reason: 'spam' })).statusCode,
    ).toBe(422);
    const erased = await createUser(t);
    await t.platform.database.db
      .updateTable('users')
      .set({ status: 'deleted' })
      .where('id', '=', erased.id)
      .execute();
    await notFound({ targetType: 'user', targetId: erased.id, reason: 'spam' });
  });

  it(`allows ${MODERATION_LIMITS.flagsPerHour} reports an hour per user`, async () => {
    const reporter = await member(t);
    const targets = await Promise.all(
      Array.from({ length: MODERATION_LIMITS.flagsPerHour + 1 }, () => createUser(t)),
    );
    for (const target of targets.slice(0, MODERATION_LIMITS.flagsPerHour)) {
      await flagged(reporter.client, { targetType: 'user', targetId: target.id, reason: 'spam' });
    }
    const last = targets.at(-1)?.id as string;
    const refused = await flag(reporter.client, { targetType: 'user', targetId: last, reason: 'spam' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'flag_rate_limited' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(HOUR);
    await relogin(t, reporter);
    await flagged(reporter.client, { targetType: 'user', targetId: last, reason: 'spam' });
  });
});

describe(`flags: the moderators' queue and detail (${testDatabaseKind})`, () => {
  let t: TestApp;
  let cast: ModerationCast;

  beforeAll(async () => {
    t = await buildTestApp();
    cast = await moderationCast(t);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  /** Moves the clock on; everyone signs in again (their access token would have expired). */
  async function later(ms: number): Promise<void> {
    t.clock.advance(ms);
    await relogin(t, cast.creator, cast.alice, cast.bob, cast.mona, cast.max);
  }

  it('groups flags per target, the longest waiting first, with the SLA state of their age', async () => {
    const { alice, bob, creator, mona, nanoId } = cast;
    await flagged(alice.client, {
      targetType: 'nano',
      targetId: nanoId,
      reason: 'copyright',
      description: 'Kopie',
    });
    await later(20 * HOUR);
    await flagged(bob.client, { targetType: 'nano', targetId: nanoId, reason: 'other' });
    await flagged(alice.client, { targetType: 'user', targetId: creator.user.id, reason: 'spam' });
    await later(10 * HOUR);
    const ratingId = await rate(bob, nanoId, 2, 'Ziemlich schwach erklärt.');
    await flagged(alice.client, { targetType: 'rating', targetId: ratingId, reason: 'spam' });
    await later(20 * HOUR);

    const res = await mona.client.get('/api/v1/moderation/flags?pageSize=10');
    expect(res.statusCode).toBe(200);
    const page = flagQueuePageSchema.parse(res.json());
    expect(page.total).toBe(3);
    expect(page.items.map((item) => [item.target.type, item.sla, item.flags.length])).toEqual([
      ['nano', 'overdue', 2],
      ['user', 'warning', 1],
      ['rating', 'ok', 1],
    ]);
    const [nanoItem] = page.items;
    expect(nanoItem).toMatchObject({
      ageHours: 50,
      target: {
        id: nanoId,
        label: 'Bruchrechnen für Einsteiger',
        nanoId,
        exists: true,
        owner: { id: creator.user.id, displayName: 'VHS Teststadt' },
      },
    });
    expect(nanoItem?.id).toBe(nanoItem?.flags[0]?.id);
    expect(nanoItem?.flags.map((f) => [f.reason, f.reporter?.displayName])).toEqual([
      ['copyright', 'Alice Lernend'],
      ['other', 'Bob Bewertend'],
    ]);

    const ratings = flagQueuePageSchema.parse(
      (await mona.client.get('/api/v1/moderation/flags?targetType=rating')).json(),
    );
    expect(ratings.items.map((item) => item.target.label)).toEqual(['Ziemlich schwach erklärt.']);
    expect((await mona.client.get('/api/v1/moderation/flags?status=resolved')).json()).toMatchObject({
      total: 0,
    });
    expect((await alice.client.get('/api/v1/moderation/flags')).statusCode).toBe(403);
  });

  it('shows a flagged message in its conversation and audits every view', async () => {
    const { alice, creator, mona, nanoId } = cast;
    const chat = await openChat(alice.client, nanoId);
    const texts = [
      'Hallo!',
      'Eine Frage zu Aufgabe 3.',
      'Du bist echt zu dumm dafür.',
      'Sorry.',
      'Danke trotzdem.',
    ];
    const messages = [];
    for (const [index, text] of texts.entries()) {
      messages.push(await sent(index % 2 === 0 ? alice.client : creator.client, chat.id, text));
    }
    const target = messages[2];
    const created = await flagged(creator.client, {
      targetType: 'message',
      targetId: target?.id as string,
      reason: 'harassment',
    });

    const res = await mona.client.get(`/api/v1/moderation/flags/${created.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const detail = flagDetailSchema.parse(res.json());
    expect(detail.target).toMatchObject({ type: 'message', owner: { id: alice.user.id }, nanoId });
    expect(detail.context.text).toBe('Du bist echt zu dumm dafür.');
    expect(detail.context.messages?.map((m) => [m.text, m.flagged])).toEqual(
      texts.map((text, index) => [text, index === 2]),
    );
    expect(detail.allowedActions).toEqual(['none', 'warning', 'hide', 'delete']);
    expect(detail.ownerHistory).toEqual([]);
    const audits = await auditEvents(t, 'moderation.flag_viewed', created.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]?.actor_id).toBe(mona.user.id);

    expect((await mona.client.get(`/api/v1/moderation/flags/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await creator.client.get(`/api/v1/moderation/flags/${created.id}`)).statusCode).toBe(403);
  });

  it('shows a rating with its score and a user with their bio', async () => {
    const { alice, bob, mona, nanoId } = cast;
    const ratingFlag = (await flagsOf(mona, 'rating'))[0] as { id: string };
    const rating = flagDetailSchema.parse(
      (await mona.client.get(`/api/v1/moderation/flags/${ratingFlag.id}`)).json(),
    );
    expect(rating.context).toMatchObject({
      text: 'Ziemlich schwach erklärt.',
      rating: { score: 2, hidden: false },
    });
    expect(rating.target).toMatchObject({ nanoId, owner: { id: bob.user.id } });
    expect(rating.allowedActions).toEqual(['none', 'warning', 'hide', 'delete']);

    await t.platform.database.db
      .updateTable('user_profiles')
      .set({ bio: 'Ich verkaufe Kurse!' })
      .where('user_id', '=', bob.user.id)
      .execute();
    const userFlag = await flagged(alice.client, {
      targetType: 'user',
      targetId: bob.user.id,
      reason: 'spam',
    });
    const user = flagDetailSchema.parse(
      (await mona.client.get(`/api/v1/moderation/flags/${userFlag.id}`)).json(),
    );
    expect(user.context.text).toBe('Ich verkaufe Kurse!');
    expect(user.allowedActions).toEqual(['none', 'warning', 'suspend']);
    const nanoFlag = (await flagsOf(mona, 'nano'))[0] as { id: string };
    const nano = flagDetailSchema.parse(
      (await mona.client.get(`/api/v1/moderation/flags/${nanoFlag.id}`)).json(),
    );
    expect(nano.context).toMatchObject({ text: 'Eine kurze Lerneinheit.', nanoStatus: 'published' });
  });
});

async function flagsOf(moderator: { client: TestClient }, type: string) {
  const res = await moderator.client.get(`/api/v1/moderation/flags?targetType=${type}`);
  return flagQueuePageSchema.parse(res.json()).items;
}
