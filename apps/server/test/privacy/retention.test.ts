import { RETENTION, type RetentionJob, type RetentionReport } from '@nano/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_PURGE_BATCH_SIZE } from '../../src/modules/audit/audit.repository.ts';
import { createAuditService } from '../../src/modules/audit/audit.service.ts';
import { type PrivacyDeps, privacyDepsFromPlatform } from '../../src/modules/privacy/privacy.deps.ts';
import {
  RETENTION_CRON,
  RETENTION_JOB,
  scheduleRetentionJobs,
} from '../../src/modules/privacy/retention.jobs.ts';
import { runRetention } from '../../src/modules/privacy/retention.service.ts';
import { monthsBefore } from '../../src/modules/privacy/retention-steps.ts';
import { auditRows, type Signed, signedIn } from '../admin/admin-fixtures.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import { freshClient, mailsTo, registrationBody } from '../identity/identity-helpers.ts';
import { createPublishedNano, storedKeys } from '../nano-fixtures.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

function depsOf(t: TestApp): PrivacyDeps {
  return privacyDepsFromPlatform(t.platform, t.config);
}

function step(report: RetentionReport, job: RetentionJob) {
  const found = report.jobs.find((entry) => entry.job === job);
  if (!found) {
    throw new Error(`no ${job} in the report`);
  }
  return found;
}

async function auditCount(t: TestApp): Promise<number> {
  const row = await t.platform.database.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The inactivity warnings mailed to `to` (sign-in notices aside). */
async function warningsTo(t: TestApp, to: string) {
  return (await mailsTo(t, to)).filter((mail) => /gelöscht|deleted soon/.test(mail.subject));
}

async function userRow(t: TestApp, id: string) {
  return t.platform.database.db
    .selectFrom('users')
    .select(['id', 'status', 'display_name', 'email', 'inactivity_warned_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

describe(`retention: audit events (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('deletes events older than 7 years, leaves an anchor, and verify still detects tampering', async () => {
    const audit = createAuditService({ db: t.platform.database.db, clock: t.clock });
    for (let i = 0; i < 5; i++) {
      await audit.record({ actorId: null, action: 'auth.login.failure', details: { attempt: i } });
      t.clock.advance(1000);
    }
    const oldCount = await auditCount(t);
    t.clock.advance(RETENTION.auditEventYears * 366 * DAY_MS);
    for (let i = 0; i < 3; i++) {
      await audit.record({ actorId: null, action: 'auth.login.failure', details: { recent: i } });
    }
    const before = await auditCount(t);

    const dry = await runRetention(depsOf(t), { dryRun: true, jobs: ['audit_events'] });
    expect(step(dry, 'audit_events')).toMatchObject({ affected: oldCount, details: { deleted: oldCount } });
    expect(await auditCount(t)).toBe(before);

    const real = await runRetention(depsOf(t), { dryRun: false, jobs: ['audit_events'] });
    expect(step(real, 'audit_events').affected).toBe(oldCount);
    // The 3 recent events and the step's own audit event stay.
    expect(await auditCount(t)).toBe(before - oldCount + 1);
    const head = await t.platform.database.db
      .selectFrom('audit_chain_head')
      .select(['anchor_seq', 'anchor_hash'])
      .executeTakeFirstOrThrow();
    expect(Number(head.anchor_seq)).toBe(oldCount);
    const [event] = await auditRows(t, { action: 'retention.audit_events' });
    expect(event?.details).toMatchObject({
      deleted: oldCount,
      anchorSeq: oldCount,
      anchorHash: head.anchor_hash,
    });
    expect(await audit.verify()).toEqual({ ok: true, checked: 4 });

    // Idempotent: nothing old is left.
    const again = await runRetention(depsOf(t), { dryRun: false, jobs: ['audit_events'] });
    expect(step(again, 'audit_events').affected).toBe(0);
    expect(await auditRows(t, { action: 'retention.audit_events' })).toHaveLength(1);

    // Tampering with an event after the anchor is still found, and so is removing the first one.
    const firstKept = oldCount + 1;
    await sql`update audit_events set details = '{"recent": 9}'::jsonb where seq = ${firstKept + 1}`.execute(
      t.platform.database.db,
    );
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAtSeq: firstKept + 1, checked: 1 });
  });

  it('purges in batches', () => {
    expect(AUDIT_PURGE_BATCH_SIZE).toBeGreaterThanOrEqual(1000);
  });
});

describe(`retention: archived Nanos (${testDatabaseKind})`, () => {
  let t: TestApp;
  let creator: Signed;
  let archivedId: string;
  let publishedId: string;
  beforeAll(async () => {
    t = await buildTestApp();
    creator = await signedIn(t, 'creator');
    const moderator = await signedIn(t, 'moderator');
    const fan = await signedIn(t, 'consumer');
    archivedId = await createPublishedNano(t, creator.client, moderator.client);
    publishedId = await createPublishedNano(t, creator.client, moderator.client);
    expect(
      (await fan.client.request({ method: 'PUT', url: `/api/v1/favorites/${archivedId}` })).statusCode,
    ).toBe(200);
    const archived = await creator.client.post(`/api/v1/nanos/${archivedId}/archive`);
    expect(archived.statusCode, archived.body).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const nanoExists = async (id: string) =>
    (await t.platform.database.db
      .selectFrom('nanos')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst()) !== undefined;

  it('purges rows and stored objects of Nanos archived more than 2 years ago, only then', async () => {
    const keys = await storedKeys(t, `nanos/${archivedId}/`);
    expect(keys.length).toBeGreaterThan(1);
    t.clock.advance((RETENTION.archivedNanoYears * 365 - 2) * DAY_MS);
    const early = await runRetention(depsOf(t), { dryRun: true, jobs: ['archived_nanos'] });
    expect(step(early, 'archived_nanos').affected).toBe(0);

    t.clock.advance(5 * DAY_MS);
    const dry = await runRetention(depsOf(t), { dryRun: true, jobs: ['archived_nanos'] });
    expect(step(dry, 'archived_nanos')).toMatchObject({
      affected: 1,
      details: { nanos: 1, versions: 1, objects: keys.length },
    });
    expect(await nanoExists(archivedId)).toBe(true);
    expect(await storedKeys(t, `nanos/${archivedId}/`)).toEqual(keys);
    expect(await auditRows(t, { action: 'retention.archived_nanos' })).toEqual([]);

    const real = await runRetention(depsOf(t), { dryRun: false, jobs: ['archived_nanos'] });
    expect(step(real, 'archived_nanos').affected).toBe(1);
    expect(await nanoExists(archivedId)).toBe(false);
    expect(await storedKeys(t, `nanos/${archivedId}/`)).toEqual([]);
    const leftovers = await t.platform.database.db
      .selectFrom('nano_versions')
      .select('id')
      .where('nano_id', '=', archivedId)
      .execute();
    expect(leftovers).toEqual([]);
    const favourites = await t.platform.database.db
      .selectFrom('favorites')
      .select('nano_id')
      .where('nano_id', '=', archivedId)
      .execute();
    expect(favourites).toEqual([]);
    // The published Nano and its files are untouched.
    expect(await nanoExists(publishedId)).toBe(true);
    expect((await storedKeys(t, `nanos/${publishedId}/`)).length).toBeGreaterThan(1);
    const [event] = await auditRows(t, { action: 'retention.archived_nanos' });
    expect(event?.details).toMatchObject({ nanos: 1, nanoIds: [archivedId] });

    const again = await runRetention(depsOf(t), { dryRun: false, jobs: ['archived_nanos'] });
    expect(step(again, 'archived_nanos').affected).toBe(0);
  });
});

describe(`retention: inactive accounts (${testDatabaseKind})`, () => {
  let t: TestApp;
  let idle: TestUser;
  let english: TestUser;
  let returning: TestUser;
  let staff: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    idle = await createUser(t, { displayName: 'Ida Inaktiv' });
    english = await createUser(t, { displayName: 'Eve Idle' });
    await t.platform.database.db
      .updateTable('users')
      .set({ locale: 'en' })
      .where('id', '=', english.id)
      .execute();
    returning = await createUser(t);
    staff = await createUser(t, { role: 'moderator' });
    await signIn(t, idle, { ip: '10.77.0.1' });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('warns after 12 months, once, in the user’s language', async () => {
    t.clock.advance(RETENTION.inactiveAccountMonths * 31 * DAY_MS);
    expect(monthsBefore(t.clock.now(), RETENTION.inactiveAccountMonths).getTime()).toBeGreaterThan(
      t.clock.now().getTime() - 366 * DAY_MS,
    );
    const auditBefore = await auditCount(t);
    const dry = await runRetention(depsOf(t), { dryRun: true, jobs: ['inactive_accounts'] });
    expect(step(dry, 'inactive_accounts').details).toMatchObject({ warned: 4, anonymised: 0 });
    expect(await warningsTo(t, idle.email)).toEqual([]);
    expect((await userRow(t, idle.id))?.inactivity_warned_at).toBeNull();
    expect(await auditCount(t)).toBe(auditBefore);

    const real = await runRetention(depsOf(t), { dryRun: false, jobs: ['inactive_accounts'] });
    expect(step(real, 'inactive_accounts')).toMatchObject({
      affected: 4,
      details: { warned: 4, anonymised: 0 },
    });
    const [german] = await warningsTo(t, idle.email);
    expect(german?.subject).toBe('Ihr Konto beim Nano-Marktplatz wird bald gelöscht');
    expect(german?.text).toContain('Hallo Ida Inaktiv');
    expect(german?.text).toContain(`${t.config.publicUrl}/anmelden`);
    const [inEnglish] = await warningsTo(t, english.email);
    expect(inEnglish?.subject).toBe('Your Nano-Marktplatz account will be deleted soon');
    expect((await userRow(t, idle.id))?.inactivity_warned_at).toEqual(t.clock.now());
    expect(await auditRows(t, { action: 'retention.inactive_accounts' })).toHaveLength(1);

    const again = await runRetention(depsOf(t), { dryRun: false, jobs: ['inactive_accounts'] });
    expect(step(again, 'inactive_accounts').affected).toBe(0);
    expect(await warningsTo(t, idle.email)).toHaveLength(1);
  });

  it('signing in ends the warning; 30 days later the others are anonymised, staff kept', async () => {
    await signIn(t, returning, { ip: '10.77.0.2' });
    expect((await userRow(t, returning.id))?.inactivity_warned_at).toBeNull();

    t.clock.advance((RETENTION.inactiveGraceDays - 1) * DAY_MS);
    const early = await runRetention(depsOf(t), { dryRun: false, jobs: ['inactive_accounts'] });
    expect(step(early, 'inactive_accounts').affected).toBe(0);

    t.clock.advance(2 * DAY_MS);
    const dry = await runRetention(depsOf(t), { dryRun: true, jobs: ['inactive_accounts'] });
    expect(step(dry, 'inactive_accounts').details).toMatchObject({ anonymised: 2, staffKept: 1, warned: 0 });
    expect((await userRow(t, idle.id))?.status).toBe('active');

    const real = await runRetention(depsOf(t), { dryRun: false, jobs: ['inactive_accounts'] });
    expect(step(real, 'inactive_accounts').details).toMatchObject({ anonymised: 2, staffKept: 1 });
    expect(await userRow(t, idle.id)).toMatchObject({ status: 'deleted', email: null });
    expect(await userRow(t, english.id)).toMatchObject({ status: 'deleted' });
    expect(await userRow(t, returning.id)).toMatchObject({ status: 'active', inactivity_warned_at: null });
    expect(await userRow(t, staff.id)).toMatchObject({ status: 'active' });
    const events = await auditRows(t, { action: 'retention.inactive_accounts' });
    expect(events.at(-1)?.details).toMatchObject({
      anonymised: 2,
      anonymisedIds: expect.arrayContaining([idle.id]),
    });
    expect(await auditRows(t, { action: 'privacy.erasure_completed', targetId: idle.id })).toHaveLength(1);

    const again = await runRetention(depsOf(t), { dryRun: false, jobs: ['inactive_accounts'] });
    expect(step(again, 'inactive_accounts').details).toMatchObject({ anonymised: 0, warned: 0 });
  });
});

describe(`retention: unverified accounts and the daily job (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('deletes accounts never verified after 7 days, not before, and nothing else', async () => {
    const registered = await freshClient(t).post('/api/v1/auth/register', registrationBody());
    expect(registered.statusCode, registered.body).toBe(201);
    const pending = await t.platform.database.db
      .selectFrom('users')
      .select('id')
      .where('email_verified_at', 'is', null)
      .executeTakeFirstOrThrow();
    const verified = await createUser(t);

    t.clock.advance((RETENTION.unverifiedAccountDays - 1) * DAY_MS);
    const early = await runRetention(depsOf(t), { dryRun: false, jobs: ['unverified_accounts'] });
    expect(step(early, 'unverified_accounts').affected).toBe(0);
    expect(await userRow(t, pending.id)).toBeDefined();

    t.clock.advance(2 * DAY_MS);
    const dry = await runRetention(depsOf(t), { dryRun: true, jobs: ['unverified_accounts'] });
    expect(step(dry, 'unverified_accounts').affected).toBe(1);
    expect(await userRow(t, pending.id)).toBeDefined();

    const real = await runRetention(depsOf(t), { dryRun: false, jobs: ['unverified_accounts'] });
    expect(step(real, 'unverified_accounts')).toMatchObject({ affected: 1, details: { deleted: 1 } });
    expect(await userRow(t, pending.id)).toBeUndefined();
    const tokens = await t.platform.database.db
      .selectFrom('user_tokens')
      .select('id')
      .where('user_id', '=', pending.id)
      .execute();
    expect(tokens).toEqual([]);
    expect(await userRow(t, verified.id)).toBeDefined();
    const [event] = await auditRows(t, { action: 'retention.unverified_accounts' });
    expect(event?.details).toMatchObject({ deleted: 1, userIds: [pending.id] });

    const again = await runRetention(depsOf(t), { dryRun: false, jobs: ['unverified_accounts'] });
    expect(step(again, 'unverified_accounts').affected).toBe(0);
  });

  it('deletes the embedded outbox’s copies of mails after 30 days', async () => {
    const db = t.platform.database.db;
    const now = t.clock.now();
    const mail = (id: string, daysOld: number) => ({
      id,
      to_address: `${id}@example.org`,
      subject: 'Betreff',
      text_body: 'Text',
      html_body: null,
      created_at: new Date(now.getTime() - daysOld * DAY_MS),
    });
    const old = '0190b5a0-0000-7000-8000-00000000a001';
    const recent = '0190b5a0-0000-7000-8000-00000000a002';
    await db
      .insertInto('mail_outbox')
      .values([mail(old, RETENTION.mailOutboxDays + 1), mail(recent, RETENTION.mailOutboxDays - 1)])
      .execute();
    const remaining = async () =>
      (await db.selectFrom('mail_outbox').select('id').where('id', 'in', [old, recent]).execute()).map(
        (r) => r.id,
      );

    const dry = await runRetention(depsOf(t), { dryRun: true, jobs: ['mail_outbox'] });
    expect(step(dry, 'mail_outbox').affected).toBeGreaterThanOrEqual(1);
    expect(await remaining()).toEqual(expect.arrayContaining([old, recent]));

    const real = await runRetention(depsOf(t), { dryRun: false, jobs: ['mail_outbox'] });
    expect(step(real, 'mail_outbox').affected).toBeGreaterThanOrEqual(1);
    expect(await remaining()).toEqual([recent]);
    expect(await auditRows(t, { action: 'retention.mail_outbox' })).toHaveLength(1);

    const again = await runRetention(depsOf(t), { dryRun: false, jobs: ['mail_outbox'] });
    expect(step(again, 'mail_outbox').affected).toBe(0);
  });

  it('runs every step daily as a job, and reports all of them', async () => {
    await scheduleRetentionJobs(t.platform);
    const schedule = await t.platform.database.db
      .selectFrom('job_schedules')
      .select(['name', 'cron'])
      .where('name', '=', RETENTION_JOB)
      .executeTakeFirst();
    expect(schedule).toEqual({ name: RETENTION_JOB, cron: RETENTION_CRON });
    await t.platform.jobs.enqueue(RETENTION_JOB);
    expect(await t.platform.jobs.runDue()).toBeGreaterThanOrEqual(1);
    const report = await runRetention(depsOf(t), { dryRun: true });
    expect(report.jobs.map((job) => job.job)).toEqual([
      'audit_events',
      'archived_nanos',
      'inactive_accounts',
      'data_exports',
      'unverified_accounts',
      'mail_outbox',
    ]);
  });
});

describe(`retention in the admin console (${testDatabaseKind})`, () => {
  let t: TestApp;
  let admin: Signed;
  beforeAll(async () => {
    t = await buildTestApp();
    admin = await signedIn(t, 'admin');
    await createUser(t, { verified: false });
    t.clock.advance((RETENTION.unverifiedAccountDays + 1) * DAY_MS);
    admin = { ...admin, client: await signIn(t, admin.user, { ip: '10.78.0.1' }) };
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('previews without changes and runs with an audit trail', async () => {
    const preview = await admin.client.get('/api/v1/admin/retention/preview');
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ dryRun: true });
    expect(step(preview.json(), 'unverified_accounts').affected).toBe(1);
    expect(await auditRows(t, { action: 'retention.unverified_accounts' })).toEqual([]);

    const run = await admin.client.post('/api/v1/admin/retention/run', { jobs: ['unverified_accounts'] });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().jobs).toEqual([{ job: 'unverified_accounts', affected: 1, details: { deleted: 1 } }]);
    expect(
      await auditRows(t, { action: 'retention.unverified_accounts', actorId: admin.user.id }),
    ).toHaveLength(1);
    expect(await auditRows(t, { action: 'retention.run', actorId: admin.user.id })).toHaveLength(1);
  });

  it('is for admins only', async () => {
    expect((await freshClient(t).get('/api/v1/admin/retention/preview')).statusCode).toBe(401);
    const moderator = await signedIn(t, 'moderator');
    expect((await moderator.client.get('/api/v1/admin/retention/preview')).statusCode).toBe(403);
    expect((await moderator.client.post('/api/v1/admin/retention/run', {})).statusCode).toBe(403);
  });
});
