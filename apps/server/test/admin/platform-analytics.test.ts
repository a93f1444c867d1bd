import type { PlatformAnalytics } from '@nano/contracts';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import { insertDraftNanos } from '../lists/list-fixtures.ts';
import { eventually, type Signed } from './admin-fixtures.ts';

const ANALYTICS = '/api/v1/admin/analytics';
const at = (iso: string) => new Date(iso);

describe(`admin: platform analytics (${testDatabaseKind})`, () => {
  let t: TestApp;
  let admin: Signed;
  let people: TestUser[];

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.platform.database.db;
    t.clock.set('2026-03-01T09:00:00.000Z');
    const adminUser = await createUser(t, { role: 'admin' });
    people = [];
    for (let i = 0; i < 5; i++) {
      people.push(await createUser(t, { role: 'creator' }));
    }
    t.clock.set('2026-04-02T10:00:00.000Z');
    await createUser(t);
    await createUser(t);
    t.clock.set('2026-04-05T23:30:00.000Z');
    await createUser(t);

    const [u1, u2, u3, u4, u5] = people.map((person) => person.id) as [
      string,
      string,
      string,
      string,
      string,
    ];
    await db
      .insertInto('user_activity_days')
      .values([
        { user_id: u1, day: '2026-04-10' },
        { user_id: u1, day: '2026-04-09' },
        { user_id: u2, day: '2026-04-10' },
        { user_id: u3, day: '2026-04-05' },
        { user_id: u4, day: '2026-03-20' },
        { user_id: u5, day: '2026-03-01' },
      ])
      .execute();

    // Nanos: two published, one archived, one waiting for review (submitted 48 h before "now").
    const [published1, published2, archived, pending] = (await insertDraftNanos(t, u1, 4)) as [
      string,
      string,
      string,
      string,
    ];
    await db
      .updateTable('nanos')
      .set({ status: 'published' })
      .where('id', 'in', [published1, published2])
      .execute();
    await db.updateTable('nanos').set({ status: 'archived' }).where('id', '=', archived).execute();
    await db.updateTable('nanos').set({ status: 'pending_review' }).where('id', '=', pending).execute();
    const version = (nanoId: string, createdAt: string, extra: Record<string, unknown> = {}) => ({
      id: uuidv7(),
      nano_id: nanoId,
      status: 'approved' as const,
      object_key: `uploads/${uuidv7()}.zip`,
      content_prefix: `content/${uuidv7()}/`,
      sha256: '0'.repeat(64),
      size_bytes: 1000,
      file_count: 1,
      created_by: u1,
      created_at: at(createdAt),
      ...extra,
    });
    const fast = version(published1, '2026-04-02T20:00:00.000Z', {
      submitted_at: at('2026-04-03T00:00:00.000Z'),
    });
    const slow = version(published2, '2026-04-03T08:00:00.000Z', {
      submitted_at: at('2026-04-03T00:00:00.000Z'),
    });
    const sampled = version(archived, '2026-03-30T08:00:00.000Z', {
      submitted_at: at('2026-03-30T08:00:00.000Z'),
      sampled_at: at('2026-03-30T08:00:00.000Z'),
    });
    const waiting = version(pending, '2026-04-08T11:00:00.000Z', {
      status: 'pending_review',
      submitted_at: at('2026-04-08T12:00:00.000Z'),
    });
    await db.insertInto('nano_versions').values([fast, slow, sampled, waiting]).execute();
    const review = (v: { id: string; nano_id: string }, createdAt: string) => ({
      id: uuidv7(),
      nano_id: v.nano_id,
      version_id: v.id,
      reviewer_id: adminUser.id,
      decision: 'approve' as const,
      created_at: at(createdAt),
    });
    await db
      .insertInto('nano_reviews')
      .values([
        review(fast, '2026-04-03T10:00:00.000Z'),
        review(slow, '2026-04-05T00:00:00.000Z'),
        review(sampled, '2026-04-04T00:00:00.000Z'),
      ])
      .execute();

    const rating = (userId: string, score: number, createdAt: string) => ({
      id: uuidv7(),
      nano_id: published1,
      user_id: userId,
      score,
      created_at: at(createdAt),
      updated_at: at(createdAt),
    });
    await db
      .insertInto('ratings')
      .values([
        rating(u2, 5, '2026-04-02T10:00:00.000Z'),
        rating(u3, 5, '2026-04-03T10:00:00.000Z'),
        rating(u4, 4, '2026-04-10T10:00:00.000Z'),
        rating(u5, 1, '2026-04-06T10:00:00.000Z'),
        { ...rating(u1, 3, '2026-03-15T10:00:00.000Z'), nano_id: published2 },
      ])
      .execute();

    const flag = (reason: 'spam' | 'copyright' | 'hate', createdAt: string, reporterId: string) => ({
      id: uuidv7(),
      reporter_id: reporterId,
      target_type: 'nano' as const,
      target_id: published1,
      reason,
      created_at: at(createdAt),
      // Already handled, so the flag queue stays empty and only the review queue counts below.
      status: 'resolved' as const,
      resolution: 'none',
      resolved_at: at(createdAt),
    });
    await db
      .insertInto('flags')
      .values([
        flag('spam', '2026-04-04T10:00:00.000Z', u2),
        flag('spam', '2026-04-05T10:00:00.000Z', u3),
        flag('copyright', '2026-04-06T10:00:00.000Z', u4),
        flag('hate', '2026-03-06T10:00:00.000Z', u5),
      ])
      .execute();

    const query = (norm: string, results: number, createdAt: string) => ({
      id: uuidv7(),
      query_norm: norm,
      filters: '{}',
      result_count: results,
      created_at: at(createdAt),
    });
    await db
      .insertInto('search_queries')
      .values([
        query('excel', 5, '2026-04-02T10:00:00.000Z'),
        query('excel', 5, '2026-04-03T10:00:00.000Z'),
        query('excel', 4, '2026-04-04T10:00:00.000Z'),
        query('python', 2, '2026-04-04T10:00:00.000Z'),
        query('quantenbrot', 0, '2026-04-05T10:00:00.000Z'),
        query('quantenbrot', 0, '2026-04-06T10:00:00.000Z'),
        query('excel', 5, '2026-03-02T10:00:00.000Z'),
      ])
      .execute();

    t.clock.set('2026-04-10T12:00:00.000Z');
    admin = { user: adminUser, client: await signIn(t, adminUser, { ip: '10.98.0.1' }) };
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const activityOf = async (userId: string) =>
    (
      await t.platform.database.db
        .selectFrom('user_activity_days')
        .select(sql<string>`day::text`.as('day'))
        .where('user_id', '=', userId)
        .execute()
    ).map((row) => row.day);

  it('records a signed-in user’s activity once per UTC day', async () => {
    expect((await admin.client.get('/api/v1/auth/me')).statusCode).toBe(200);
    await eventually(async () => (await activityOf(admin.user.id)).length === 1);
    await admin.client.get('/api/v1/auth/me');
    t.clock.set('2026-04-10T23:00:00.000Z');
    await admin.client.get('/api/v1/auth/me');
    expect((await activityOf(admin.user.id)).length).toBe(1);
    t.clock.set('2026-04-10T12:00:00.000Z');
  });

  it('computes every figure of a known data set', async () => {
    await admin.client.get('/api/v1/auth/me');
    await eventually(async () => (await activityOf(admin.user.id)).includes('2026-04-10'));
    const res = await admin.client.get(`${ANALYTICS}?from=2026-04-01&to=2026-04-10`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as PlatformAnalytics;
    expect(body.from).toBe('2026-04-01');
    expect(body.to).toBe('2026-04-10');
    // u1, u2 and the admin on the last day; u3 within the week; u4 within the month; u5 too long ago.
    expect(body.activeUsers).toMatchObject({ dau: 3, wau: 4, mau: 5 });
    expect(body.activeUsers.daily).toHaveLength(10);
    expect(body.activeUsers.daily.filter((day) => day.count > 0)).toEqual([
      { day: '2026-04-05', count: 1 },
      { day: '2026-04-09', count: 1 },
      { day: '2026-04-10', count: 3 },
    ]);
    expect(body.registrations.filter((day) => day.count > 0)).toEqual([
      { day: '2026-04-02', count: 2 },
      { day: '2026-04-05', count: 1 },
    ]);
    expect(body.uploadsPerDay.filter((day) => day.count > 0)).toEqual([
      { day: '2026-04-02', count: 1 },
      { day: '2026-04-03', count: 1 },
      { day: '2026-04-08', count: 1 },
    ]);
    expect(Object.fromEntries(body.nanosByStatus.map((entry) => [entry.status, entry.count]))).toMatchObject({
      published: 2,
      archived: 1,
      pending_review: 1,
      draft: 0,
    });
    expect(body.ratingDistribution).toEqual([
      { stars: 1, count: 1 },
      { stars: 2, count: 0 },
      { stars: 3, count: 0 },
      { stars: 4, count: 1 },
      { stars: 5, count: 2 },
    ]);
    expect(body.moderation).toMatchObject({ queueSize: 1, oldestAgeHours: 48, decided: 2, slaHitRate: 0.5 });
    expect(body.moderation.daily.filter((day) => day.decided > 0)).toEqual([
      { day: '2026-04-03', decided: 1, withinSla: 1 },
      { day: '2026-04-05', decided: 1, withinSla: 0 },
    ]);
    expect(body.flagsByReason.filter((entry) => entry.count > 0)).toEqual([
      { reason: 'spam', count: 2 },
      { reason: 'copyright', count: 1 },
    ]);
    expect(body.topSearches).toEqual([
      { query: 'excel', count: 3 },
      { query: 'quantenbrot', count: 2 },
      { query: 'python', count: 1 },
    ]);
    expect(body.zeroResultSearches).toEqual([{ query: 'quantenbrot', count: 2 }]);
    expect(body.errors.requests).toBeGreaterThan(0);
    expect(body.errors.serverErrors).toBe(0);
    expect(body.errors.rate).toBe(0);
  });

  it('defaults to the last 30 days and refuses reversed or too long ranges', async () => {
    const defaults = (await admin.client.get(ANALYTICS)).json() as PlatformAnalytics;
    expect([defaults.from, defaults.to]).toEqual(['2026-03-12', '2026-04-10']);
    expect(defaults.registrations).toHaveLength(30);
    const reversed = await admin.client.get(`${ANALYTICS}?from=2026-04-10&to=2026-04-01`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0]).toMatchObject({ field: 'query.from', code: 'date_range' });
    const tooLong = await admin.client.get(`${ANALYTICS}?from=2025-04-09&to=2026-04-10`);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0]).toMatchObject({ code: 'admin_analytics_range_too_long' });
    expect((await admin.client.get(`${ANALYTICS}?from=2025-04-10&to=2026-04-10`)).statusCode).toBe(200);
  });
});
