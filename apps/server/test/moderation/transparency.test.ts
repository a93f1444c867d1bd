import { FLAG_REASONS, transparencyReportSchema } from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlag, resolveFlags } from '../../src/modules/flags/flags.service.ts';
import { TAKEDOWN_DEADLINES_JOB } from '../../src/modules/moderation/takedowns.jobs.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, type TestUser } from '../factories.ts';
import { APPROVE, createDraftWithFile } from '../nano-fixtures.ts';
import { confirmedNotice, guest, login, noticeFor } from './takedown-fixtures.ts';

const HOUR = 60 * 60 * 1000;

describe(`transparency report (${testDatabaseKind})`, () => {
  let t: TestApp;
  let creator: TestUser;
  let moderator: TestUser;
  let reporter: TestUser;

  beforeAll(async () => {
    // Early in the year, so every event below stays in it.
    t = await buildTestApp();
    t.clock.set('2026-01-05T08:00:00.000Z');
    creator = await createUser(t, { role: 'creator' });
    moderator = await createUser(t, { role: 'moderator' });
    reporter = await createUser(t);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  /** A Nano submitted now and approved `hours` later: one review of known duration. */
  async function publishAfter(hours: number): Promise<string> {
    const creatorClient = await login(t, creator);
    const id = await createDraftWithFile(t, creatorClient);
    expect((await creatorClient.post(`/api/v1/nanos/${id}/submit`)).statusCode).toBe(200);
    t.clock.advance(hours * HOUR);
    const approved = await (await login(t, moderator)).post(
      `/api/v1/moderation/nanos/${id}/decision`,
      APPROVE,
    );
    expect(approved.statusCode).toBe(200);
    return id;
  }

  it('counts notices, actions, medians and appeals of a known year, and nothing of another', async () => {
    const db = t.platform.database.db;
    // A flag of the previous year must not count.
    await db
      .insertInto('flags')
      .values({
        id: uuidv7(),
        reporter_id: reporter.id,
        target_type: 'user',
        target_id: creator.id,
        reason: 'spam',
        created_at: new Date('2025-12-30T10:00:00.000Z'),
      })
      .execute();

    // Reviews taking 2 h and 6 h: median 4 h.
    const first = await publishAfter(2);
    const second = await publishAfter(6);

    // Flags: two on a Nano (spam, harassment), one on a message (spam); resolved after 1 h and 5 h: median 3 h.
    const flagAt = t.clock.now();
    await createFlag(db, flagAt, {
      reporterId: reporter.id,
      targetType: 'nano',
      targetId: first,
      reason: 'spam',
      description: '',
    });
    await createFlag(db, flagAt, {
      reporterId: reporter.id,
      targetType: 'message',
      targetId: uuidv7(),
      reason: 'spam',
      description: '',
    });
    const other = await createUser(t);
    await createFlag(db, flagAt, {
      reporterId: other.id,
      targetType: 'nano',
      targetId: second,
      reason: 'harassment',
      description: '',
    });
    await resolveFlags(
      db,
      { type: 'nano', id: first },
      { resolution: 'none', resolvedBy: moderator.id, at: new Date(flagAt.getTime() + HOUR) },
    );
    await resolveFlags(
      db,
      { type: 'nano', id: second },
      { resolution: 'none', resolvedBy: moderator.id, at: new Date(flagAt.getTime() + 5 * HOUR) },
    );

    // Takedowns: one confirmed and upheld after 10 h, one confirmed and expired after 48 h: median 29 h;
    // one never confirmed (not a notice).
    const upheldId = await confirmedNotice(t, noticeFor(first));
    const expiringId = await confirmedNotice(t, noticeFor(second));
    expect((await guest(t).post('/api/v1/takedown-notices', noticeFor(second))).statusCode).toBe(202);
    t.clock.advance(10 * HOUR);
    const decided = await (await login(t, moderator)).post(
      `/api/v1/moderation/takedowns/${upheldId}/decide`,
      {
        outcome: 'uphold',
        reasons: ['copyright'],
        statement: 'Kopie aus einem Lehrbuch.',
      },
    );
    expect(decided.statusCode).toBe(200);
    t.clock.advance(38 * HOUR);
    await t.platform.jobs.enqueue(TAKEDOWN_DEADLINES_JOB);
    await t.platform.jobs.runDue();
    expect(
      (
        await db
          .selectFrom('takedown_notices')
          .select('status')
          .where('id', '=', expiringId)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('expired');

    // Appeals against three of the takedown decisions: one open, one upheld, one reversed.
    const decisions = await db
      .selectFrom('moderation_decisions')
      .select('id')
      .where('source', '=', 'takedown')
      .orderBy('created_at')
      .execute();
    expect(decisions.length).toBeGreaterThanOrEqual(3);
    const statuses = ['open', 'upheld', 'reversed'] as const;
    for (const [index, status] of statuses.entries()) {
      await db
        .insertInto('moderation_appeals')
        .values({
          id: uuidv7(),
          decision_id: decisions[index]?.id ?? '',
          appellant_id: creator.id,
          text: 'Ich widerspreche dieser Entscheidung.',
          status,
          created_at: t.clock.now(),
          decided_at: status === 'open' ? null : t.clock.now(),
          decided_by: status === 'open' ? null : moderator.id,
        })
        .execute();
    }

    const res = await guest(t).get('/api/v1/transparency-report?year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    const report = transparencyReportSchema.parse(res.json());
    expect(report.year).toBe(2026);
    expect(report.notices).toEqual([
      { type: 'takedown', count: 2 },
      { type: 'flag_nano', count: 2 },
      { type: 'flag_rating', count: 0 },
      { type: 'flag_message', count: 1 },
      { type: 'flag_user', count: 0 },
    ]);
    expect(report.flagsByReason).toHaveLength(FLAG_REASONS.length);
    expect(report.flagsByReason.find((entry) => entry.reason === 'spam')?.count).toBe(2);
    expect(report.flagsByReason.find((entry) => entry.reason === 'harassment')?.count).toBe(1);
    expect(report.actions).toEqual(
      expect.arrayContaining([
        { action: 'approve', source: 'review', count: 2, automated: 0 },
        { action: 'hide', source: 'takedown', count: 2, automated: 2 },
        { action: 'archive', source: 'takedown', count: 2, automated: 1 },
      ]),
    );
    expect(report.medianHoursToDecision).toEqual({ reviews: 4, flags: 3, takedowns: 29 });
    expect(report.appeals).toEqual({ received: 3, upheld: 1, reversed: 1, open: 1 });
    // Counts only: no names, addresses or texts.
    expect(res.body).not.toContain('@');

    const previous = transparencyReportSchema.parse(
      (await guest(t).get('/api/v1/transparency-report?year=2025')).json(),
    );
    expect(previous.notices.find((entry) => entry.type === 'flag_user')?.count).toBe(1);
    expect(previous.actions).toEqual([]);
    expect(previous.medianHoursToDecision).toEqual({ reviews: null, flags: null, takedowns: null });
    expect(previous.appeals).toEqual({ received: 0, upheld: 0, reversed: 0, open: 0 });
  });

  it("defaults to the current year and refuses years outside the platform's life", async () => {
    const current = await guest(t).get('/api/v1/transparency-report');
    expect(current.statusCode).toBe(200);
    expect(current.json()).toMatchObject({ year: t.clock.now().getUTCFullYear() });
    expect((await guest(t).get('/api/v1/transparency-report?year=1999')).statusCode).toBe(400);
  });
});
