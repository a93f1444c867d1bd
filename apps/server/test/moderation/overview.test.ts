import { MODERATION_QUEUES, moderationOverviewSchema } from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlag } from '../../src/modules/flags/flags.service.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { chatCast, openChat, send } from '../chat/chat-fixtures.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, type TestUser } from '../factories.ts';
import { createDraftWithFile } from '../nano-fixtures.ts';
import { insertNano } from '../search/search-fixtures.ts';
import { confirmedNotice, guest, login, noticeFor } from './takedown-fixtures.ts';

const HOUR = 60 * 60 * 1000;

describe(`moderation overview and queue metrics (${testDatabaseKind})`, () => {
  let t: TestApp;
  let moderator: TestUser;

  beforeAll(async () => {
    t = await buildTestApp({ CHAT_BLOCKED_DOMAINS: 'spam.example' });
    moderator = await createUser(t, { role: 'moderator' });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  async function overview() {
    const res = await (await login(t, moderator)).get('/api/v1/moderation/overview');
    expect(res.statusCode).toBe(200);
    const body = moderationOverviewSchema.parse(res.json());
    return new Map(body.queues.map((queue) => [queue.queue, queue]));
  }

  it('shows every queue empty at first, in the workspace order', async () => {
    const res = await (await login(t, moderator)).get('/api/v1/moderation/overview');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(moderationOverviewSchema.parse(res.json()).queues).toEqual(
      MODERATION_QUEUES.map((queue) => ({ queue, count: 0, oldestAgeHours: null, sla: null })),
    );
  });

  it('counts each queue with the age and SLA colour of its oldest item', async () => {
    const db = t.platform.database.db;
    const creator = await createUser(t, { role: 'creator' });
    const reporter = await createUser(t);

    // Sampled 50 h ago: overdue.
    const sampledNano = await insertNano(t, creator.id, { title: 'Stichprobe' });
    await db
      .updateTable('nano_versions')
      .set({ sampled_at: new Date(t.clock.now().getTime() - 50 * HOUR) })
      .where('nano_id', '=', sampledNano)
      .execute();
    // A new submission, 30 h old by the end: warning.
    const creatorClient = await login(t, creator);
    const submitted = await createDraftWithFile(t, creatorClient);
    expect((await creatorClient.post(`/api/v1/nanos/${submitted}/submit`)).statusCode).toBe(200);
    t.clock.advance(20 * HOUR);

    // Flags on two targets (three flags), the oldest 10 h old by the end.
    const flagged = await insertNano(t, creator.id, { title: 'Gemeldet' });
    const other = await createUser(t);
    const userTarget = await createUser(t);
    for (const [reporterId, targetType, targetId] of [
      [reporter.id, 'nano', flagged],
      [other.id, 'nano', flagged],
      [reporter.id, 'user', userTarget.id],
    ] as const) {
      await createFlag(db, t.clock.now(), {
        reporterId,
        targetType,
        targetId,
        reason: 'spam',
        description: '',
      });
    }

    // A chat message held by the filter, 8 h old by the end.
    t.clock.advance(2 * HOUR);
    const cast = await chatCast(t);
    const chat = await openChat(cast.consumer.client, cast.nanoId);
    const held = await send(cast.consumer.client, chat.id, 'Billig: https://www.spam.example/angebot');
    expect(held.json()).toMatchObject({ status: 'held' });

    // An open takedown notice and an open appeal, 2 h old by the end.
    t.clock.advance(6 * HOUR);
    const noticeNano = await insertNano(t, creator.id, { title: 'Beanstandet' });
    await confirmedNotice(t, noticeFor(noticeNano));
    // An unconfirmed notice is not in the queue.
    expect((await guest(t).post('/api/v1/takedown-notices', noticeFor(flagged))).statusCode).toBe(202);
    const decision = await db
      .selectFrom('moderation_decisions')
      .select('id')
      .where('target_id', '=', noticeNano)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('moderation_appeals')
      .values({
        id: uuidv7(),
        decision_id: decision.id,
        appellant_id: creator.id,
        text: 'Das ist mein eigenes Material.',
        created_at: t.clock.now(),
      })
      .execute();
    t.clock.advance(2 * HOUR);

    const queues = await overview();
    expect(queues.get('new')).toEqual({ queue: 'new', count: 1, oldestAgeHours: 30, sla: 'warning' });
    expect(queues.get('update')).toEqual({ queue: 'update', count: 0, oldestAgeHours: null, sla: null });
    expect(queues.get('sampled')).toEqual({ queue: 'sampled', count: 1, oldestAgeHours: 80, sla: 'overdue' });
    expect(queues.get('flags')).toEqual({ queue: 'flags', count: 2, oldestAgeHours: 10, sla: 'ok' });
    expect(queues.get('held_messages')).toEqual({
      queue: 'held_messages',
      count: 1,
      oldestAgeHours: 8,
      sla: 'ok',
    });
    expect(queues.get('takedowns')).toEqual({ queue: 'takedowns', count: 1, oldestAgeHours: 2, sla: 'ok' });
    expect(queues.get('appeals')).toEqual({ queue: 'appeals', count: 1, oldestAgeHours: 2, sla: 'ok' });

    // The same figures in Prometheus, for the "older than 48 h" alert.
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toContain('# TYPE moderation_queue_size gauge');
    expect(metrics.body).toContain('moderation_queue_size{queue="flags"} 2');
    expect(metrics.body).toContain('moderation_queue_size{queue="takedowns"} 1');
    expect(metrics.body).toContain('moderation_queue_size{queue="update"} 0');
    expect(metrics.body).toContain('# TYPE moderation_queue_oldest_age_seconds gauge');
    expect(metrics.body).toContain(`moderation_queue_oldest_age_seconds{queue="sampled"} ${80 * 3600}`);
    expect(metrics.body).toContain(`moderation_queue_oldest_age_seconds{queue="new"} ${30 * 3600}`);
    expect(metrics.body).toContain('moderation_queue_oldest_age_seconds{queue="appeals"} 7200');
  });

  it('is for staff only', async () => {
    expect((await guest(t).get('/api/v1/moderation/overview')).statusCode).toBe(401);
    const consumer = await login(t, await createUser(t));
    expect((await consumer.get('/api/v1/moderation/overview')).statusCode).toBe(403);
    const creator = await login(t, await createUser(t, { role: 'creator' }));
    expect((await creator.get('/api/v1/moderation/overview')).statusCode).toBe(403);
  });
});

describe(`moderation overview with staff 2FA required (${testDatabaseKind})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp({ REQUIRE_STAFF_2FA: 'true' });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('refuses a moderator without two-factor sign-in, also for the takedown list', async () => {
    const moderator = await login(t, await createUser(t, { role: 'moderator' }));
    for (const url of ['/api/v1/moderation/overview', '/api/v1/moderation/takedowns']) {
      const res = await moderator.get(url);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'two_factor_enrollment_required' });
    }
  });
});
