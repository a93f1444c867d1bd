import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/database.ts';
import { FakeClock } from '../../platform/clock.ts';
import type { DatabaseHandle } from '../../platform/db/index.ts';
import { type AuditEventInput, type AuditService, createAuditService } from './audit.service.ts';

describe('audit service', () => {
  let database: DatabaseHandle;
  let clock: FakeClock;
  let audit: AuditService;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.close();
  });

  // A fresh chain per test without the cost of a fresh database: the app never deletes audit
  // rows, so only the test can put the log back to its genesis state.
  beforeEach(async () => {
    await resetChain();
    clock = new FakeClock('2026-03-01T10:00:00.000Z');
    audit = createAuditService({ db: database.db, clock });
  });

  async function resetChain(): Promise<void> {
    await sql`delete from audit_events`.execute(database.db);
    await sql`update audit_chain_head set last_seq = 0, last_hash = ${'0'.repeat(64)}`.execute(database.db);
  }

  const login = (overrides: Partial<AuditEventInput> = {}): AuditEventInput => ({
    actorId: uuidv7(),
    action: 'auth.login.success',
    ...overrides,
  });

  async function recordMany(count: number): Promise<void> {
    for (let i = 0; i < count; i++) {
      await audit.record(login({ details: { attempt: i } }));
      clock.advance(1_000);
    }
  }

  function storedSeqs(): Promise<number[]> {
    return database.db
      .selectFrom('audit_events')
      .select('seq')
      .orderBy('seq')
      .execute()
      .then((rows) => rows.map((row) => Number(row.seq)));
  }

  it('stores the event with an anonymised IP, a cut user agent and the clock time', async () => {
    const actorId = uuidv7();
    await audit.record({
      actorId,
      action: 'auth.login.failure',
      targetType: 'user',
      targetId: actorId,
      details: { reason: 'wrong_password' },
      ip: '203.0.113.77',
      userAgent: `Mozilla/5.0 ${'x'.repeat(600)}`,
      outcome: 'failure',
    });
    await audit.record({ actorId: null, action: 'auth.register', ip: '2001:db8:abcd:12::1' });

    const { items, total } = await audit.list({ page: 1, pageSize: 20 });
    expect(total).toBe(2);
    expect(items[1]).toMatchObject({
      seq: 1,
      occurredAt: '2026-03-01T10:00:00.000Z',
      actorId,
      action: 'auth.login.failure',
      targetType: 'user',
      targetId: actorId,
      details: { reason: 'wrong_password' },
      ip: '203.0.113.0',
      outcome: 'failure',
    });
    expect(items[1]?.userAgent).toHaveLength(500);
    expect(items[0]).toMatchObject({
      seq: 2,
      actorId: null,
      targetType: null,
      targetId: null,
      details: {},
      ip: '2001:db8:abcd::',
      userAgent: null,
      outcome: 'success',
    });
    const raw = await database.db.selectFrom('audit_events').select('ip').execute();
    expect(raw.map((row) => row.ip).sort()).toEqual(['2001:db8:abcd::', '203.0.113.0']);
    expect(await audit.verify()).toEqual({ ok: true, checked: 2 });
  });

  it('never stores secrets in the details, at any depth', async () => {
    await audit.record(
      login({
        details: {
          email: 'ana@example.org',
          password: 'hunter2',
          newPassword: 'hunter3',
          nested: { refreshToken: 'rt', clientSecret: 's', backupCodes: ['a', 'b'], kept: 1 },
          list: [{ TOKEN: 't', ok: true }, 'plain'],
          when: new Date('2026-01-01T00:00:00.000Z'),
          missing: undefined,
        },
        // Text PostgreSQL refuses (NUL, a lone surrogate) must not abort the caller's change.
        userAgent: 'bad\u0000agent\uD800',
      }),
    );

    const [event] = (await audit.list({ page: 1, pageSize: 1 })).items;
    expect(event?.details).toEqual({
      email: 'ana@example.org',
      nested: { kept: 1 },
      list: [{ ok: true }, 'plain'],
      when: '2026-01-01T00:00:00.000Z',
    });
    expect(event?.userAgent).toBe('badagent\uFFFD');
    const stored = await sql<{ text: string }>`select details::text as text from audit_events`.execute(
      database.db,
    );
    expect(stored.rows[0]?.text).not.toMatch(/hunter|rt"|"s"|"t"|"a"/);
    expect(await audit.verify()).toEqual({ ok: true, checked: 1 });
  });

  it('writes in the caller transaction: a rollback leaves no event and an intact chain', async () => {
    await audit.record(login());
    await expect(
      database.db.transaction().execute(async (trx) => {
        await audit.record(login({ action: 'auth.password_changed' }), trx);
        throw new Error('the password change failed');
      }),
    ).rejects.toThrow('the password change failed');

    expect(await storedSeqs()).toEqual([1]);
    expect(await audit.verify()).toEqual({ ok: true, checked: 1 });

    await database.db.transaction().execute(async (trx) => {
      await audit.record(login({ action: 'auth.password_changed' }), trx);
    });
    await audit.record(login({ action: 'auth.logout' }), database.db);
    expect(await storedSeqs()).toEqual([1, 2, 3]);
    expect(await audit.verify()).toEqual({ ok: true, checked: 3 });
  });

  it('keeps a gap-free chain under 50 concurrent writers', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => audit.record(login({ details: { writer: i } }))));

    expect(await storedSeqs()).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const head = await database.db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow();
    expect(Number(head.last_seq)).toBe(50);
    expect(await audit.verify()).toEqual({ ok: true, checked: 50 });
  });

  it('detects an edited event', async () => {
    await recordMany(5);
    await sql`update audit_events set details = '{"attempt": 99}'::jsonb where seq = 3`.execute(database.db);

    expect(await audit.verify()).toMatchObject({ ok: false, checked: 2, brokenAtSeq: 3 });
  });

  it('detects an edit even when the hash is rewritten', async () => {
    await recordMany(5);
    await sql`update audit_events set action = 'auth.logout', hash = ${'f'.repeat(64)} where seq = 2`.execute(
      database.db,
    );

    expect(await audit.verify()).toMatchObject({ ok: false, checked: 1, brokenAtSeq: 2 });
  });

  it('detects a self-consistent event transplanted from another chain', async () => {
    await recordMany(3);
    const foreign = await database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', 2)
      .executeTakeFirstOrThrow();
    await resetChain();
    await audit.record(login({ action: 'auth.logout' }));
    await audit.record(login({ action: 'auth.logout' }));
    await audit.record(login({ action: 'auth.logout' }));
    await sql`delete from audit_events where seq = 2`.execute(database.db);
    await sql`
      insert into audit_events (id, seq, occurred_at, actor_id, action, target_type, target_id,
        details, ip, user_agent, outcome, prev_hash, hash)
      overriding system value
      values (${foreign.id}, 2, ${foreign.occurred_at.toISOString()}::timestamptz, ${foreign.actor_id},
        ${foreign.action}, null, null, ${JSON.stringify(foreign.details)}::jsonb, null, null,
        ${foreign.outcome}, ${foreign.prev_hash}, ${foreign.hash})`.execute(database.db);

    const result = await audit.verify();
    expect(result).toMatchObject({ ok: false, checked: 1, brokenAtSeq: 2 });
    expect(result.ok === false && result.reason).toContain('prev_hash');
  });

  it('detects a deleted event in the middle and at the end', async () => {
    await recordMany(5);
    await sql`delete from audit_events where seq = 3`.execute(database.db);

    const middle = await audit.verify();
    expect(middle).toMatchObject({ ok: false, checked: 2, brokenAtSeq: 3 });
    expect(middle.ok === false && middle.reason).toContain('missing');

    await sql`delete from audit_events where seq >= 3`.execute(database.db);
    expect(await audit.verify()).toMatchObject({ ok: false, checked: 2, brokenAtSeq: 3 });
  });

  it('verifies across batches and finds tampering in a later one', async () => {
    // One caller transaction keeps this quick and away from the pool's connection timeout.
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 1_005; i++) {
        await audit.record(login({ details: { n: i } }), trx);
      }
    });
    expect(await audit.verify()).toEqual({ ok: true, checked: 1_005 });

    await sql`update audit_events set outcome = 'denied' where seq = 1003`.execute(database.db);
    expect(await audit.verify()).toMatchObject({ ok: false, checked: 1_002, brokenAtSeq: 1_003 });
  });

  it('lists newest first with filters and pages', async () => {
    const ana = uuidv7();
    const ben = uuidv7();
    await audit.record({ actorId: ana, action: 'auth.login.success' });
    clock.advance(60_000);
    await audit.record({ actorId: ben, action: 'auth.login.failure', outcome: 'failure' });
    clock.advance(60_000);
    await audit.record({ actorId: ana, action: 'user.role_changed', targetType: 'user', targetId: ben });
    clock.advance(60_000);
    await audit.record({ actorId: ana, action: 'auth.logout' });

    const seqs = async (filters: Parameters<AuditService['list']>[0]) =>
      (await audit.list(filters)).items.map((item) => item.seq);

    expect(await seqs({ page: 1, pageSize: 20 })).toEqual([4, 3, 2, 1]);
    expect(await seqs({ actorId: ana, page: 1, pageSize: 20 })).toEqual([4, 3, 1]);
    expect(await seqs({ action: 'auth.login.failure', page: 1, pageSize: 20 })).toEqual([2]);
    expect(await seqs({ targetType: 'user', targetId: ben, page: 1, pageSize: 20 })).toEqual([3]);
    expect(
      await seqs({
        from: new Date('2026-03-01T10:01:00.000Z'),
        to: new Date('2026-03-01T10:03:00.000Z'),
        page: 1,
        pageSize: 20,
      }),
    ).toEqual([3, 2]);

    const second = await audit.list({ actorId: ana, page: 2, pageSize: 2 });
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items.map((item) => item.seq)).toEqual([1]);
  });
});
