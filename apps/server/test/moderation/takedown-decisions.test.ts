import { MODERATION_LIMITS, takedownPageSchema, takedownSchema } from '@nano/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getStanding, grantTrust } from '../../src/modules/moderation/standing.ts';
import { scheduleTakedownJobs, TAKEDOWN_DEADLINES_JOB } from '../../src/modules/moderation/takedowns.jobs.ts';
import { repeatWindowStart } from '../../src/modules/moderation/takedowns.outcomes.ts';
import { countUpheldSince } from '../../src/modules/moderation/takedowns.repository.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, type TestUser } from '../factories.ts';
import type { TestClient } from '../http-client.ts';
import { createDraft, createPublishedNano, makeNanoZip, uploadZip } from '../nano-fixtures.ts';
import { deliverNotificationEmails, mailsTo } from '../notifications/notification-fixtures.ts';
import { confirmedNotice, guest, login, nanoStatus, noticeFor } from './takedown-fixtures.ts';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe(`takedown notices: deadline, decisions and their consequences (${testDatabaseKind})`, () => {
  let t: TestApp;
  let creatorUser: TestUser;
  let moderatorUser: TestUser;
  // Signed in anew in each test (and after moving the clock past the access token's lifetime).
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

  async function notice(id: string) {
    return t.platform.database.db
      .selectFrom('takedown_notices')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  async function takedownDecisions(nanoOrUserId: string) {
    return t.platform.database.db
      .selectFrom('moderation_decisions')
      .selectAll()
      .where('target_id', '=', nanoOrUserId)
      .where('source', '=', 'takedown')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  async function respond(nanoId: string) {
    const res = await creator.post(`/api/v1/nanos/${nanoId}/takedown-response`, {
      text: 'Alle Inhalte habe ich selbst erstellt; die Quelle ist mein eigenes Skript.',
    });
    expect(res.statusCode).toBe(200);
  }

  async function decide(id: string, body: Record<string, unknown>) {
    return moderator.post(`/api/v1/moderation/takedowns/${id}/decide`, body);
  }

  it('archives the Nano by the deadline job when the creator did not answer within 48 h, once', async () => {
    await scheduleTakedownJobs(t.platform);
    const nanoId = await createPublishedNano(t, creator, moderator);
    const request = noticeFor(nanoId);
    const id = await confirmedNotice(t, request);
    const answeredNano = await createPublishedNano(t, creator, moderator);
    const answeredId = await confirmedNotice(t, noticeFor(answeredNano));
    await respond(answeredNano);

    // One minute before the deadline nothing happens.
    t.clock.advance(MODERATION_LIMITS.takedownResponseHours * HOUR - MINUTE);
    await t.platform.jobs.enqueue(TAKEDOWN_DEADLINES_JOB);
    await t.platform.jobs.runDue();
    expect(await nanoStatus(t, nanoId)).toBe('hidden');

    // The cron slot after the deadline archives it (the schedule runs every 5 minutes).
    t.clock.advance(5 * MINUTE);
    await t.platform.jobs.runDue();
    await t.platform.jobs.runDue();
    expect(await nanoStatus(t, nanoId)).toBe('archived');
    const expired = await notice(id);
    expect(expired).toMatchObject({ status: 'expired', decided_by: null });
    expect(expired.decided_at?.getTime()).toBe(t.clock.now().getTime());
    // An answered notice waits for the moderators, however long.
    expect((await notice(answeredId)).status).toBe('responded');
    expect(await nanoStatus(t, answeredNano)).toBe('hidden');

    const decisions = await takedownDecisions(nanoId);
    expect(decisions.map((d) => [d.action, d.automated, d.decided_by])).toEqual([
      ['hide', true, null],
      ['archive', true, null],
    ]);
    expect(expired.decision_id).toBe(decisions[1]?.id);
    expect(decisions[1]?.statement).toContain(
      'nicht auf die Meldung einer Urheberrechtsverletzung geantwortet',
    );

    // The creator gets the statement of reasons (automated means named); the complainant the outcome.
    await deliverNotificationEmails(t);
    const creatorText = (await mailsTo(t, creatorUser.email)).map((mail) => mail.text).join('\n');
    expect(creatorText).toContain('„Excel Pivot in 10 Minuten“ wurde archiviert');
    expect(creatorText).toContain('automatisierte Mittel eingesetzt');
    const complainant = await mailsTo(t, request.complainantEmail);
    expect(complainant.at(-1)?.subject).toBe('Ihre Meldung: Excel Pivot in 10 Minuten wurde archiviert');

    // Running again changes nothing.
    t.clock.advance(5 * MINUTE);
    await t.platform.jobs.runDue();
    expect(await takedownDecisions(nanoId)).toHaveLength(2);
    const audit = await t.platform.database.db
      .selectFrom('audit_events')
      .select(['actor_id', 'details'])
      .where('action', '=', 'takedown.expired')
      .where('target_id', '=', id)
      .execute();
    expect(audit).toEqual([
      {
        actor_id: null,
        details: expect.objectContaining({
          before: { status: 'awaiting_response', nanoStatus: 'hidden' },
          after: { status: 'expired', nanoStatus: 'archived' },
        }),
      },
    ]);
  });

  it('lists open notices for staff only, the longest waiting first, with age and SLA colour', async () => {
    const older = await createPublishedNano(t, creator, moderator);
    const olderId = await confirmedNotice(t, noticeFor(older));
    t.clock.advance(30 * HOUR);
    creator = await login(t, creatorUser);
    moderator = await login(t, moderatorUser);
    const newer = await createPublishedNano(t, creator, moderator);
    const newerId = await confirmedNotice(t, noticeFor(newer));
    await respond(older);

    const res = await moderator.get('/api/v1/moderation/takedowns?status=open&pageSize=100');
    expect(res.statusCode).toBe(200);
    const page = takedownPageSchema.parse(res.json());
    const ids = page.items.map((item) => item.id);
    expect(ids.indexOf(olderId)).toBeLessThan(ids.indexOf(newerId));
    expect(page.items.find((item) => item.id === olderId)).toMatchObject({
      status: 'responded',
      ageHours: 30,
      sla: 'warning',
      complainantEmail: expect.stringContaining('@verlag.example'),
      nano: { id: older, status: 'hidden', creator: { id: creatorUser.id, username: creatorUser.username } },
      response: { text: expect.stringContaining('selbst erstellt') },
    });
    expect(page.items.find((item) => item.id === newerId)).toMatchObject({ ageHours: 0, sla: 'ok' });
    const responded = takedownPageSchema.parse(
      (await moderator.get('/api/v1/moderation/takedowns?status=responded&pageSize=100')).json(),
    );
    expect(responded.items.map((item) => item.id)).toContain(olderId);
    expect(responded.items.map((item) => item.id)).not.toContain(newerId);

    expect((await creator.get('/api/v1/moderation/takedowns')).statusCode).toBe(403);
    expect((await guest(t).get('/api/v1/moderation/takedowns')).statusCode).toBe(401);
    const forbidden = await creator.post(`/api/v1/moderation/takedowns/${olderId}/decide`, {
      outcome: 'reject',
      statement: 'Eigene Entscheidung.',
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('upholds a notice: archived for good, statement to the creator, outcome to the complainant, audited', async () => {
    const nanoId = await createPublishedNano(t, creator, moderator);
    const request = noticeFor(nanoId, { complainantName: 'Dr. Rita Rechte' });
    const id = await confirmedNotice(t, request);
    await respond(nanoId);

    const noStatement = await decide(id, { outcome: 'uphold', reasons: ['copyright'] });
    expect(noStatement.statusCode).toBe(400);
    const statement = 'Die Seiten 12–18 sind wörtlich aus dem Arbeitsheft des Verlags übernommen.';
    const res = await decide(id, { outcome: 'uphold', reasons: ['copyright'], statement });
    expect(res.statusCode).toBe(200);
    expect(takedownSchema.parse(res.json())).toMatchObject({
      id,
      status: 'upheld',
      nano: { id: nanoId, status: 'archived' },
      decidedAt: t.clock.now().toISOString(),
    });
    expect(await nanoStatus(t, nanoId)).toBe('archived');
    const [, archive] = await takedownDecisions(nanoId);
    expect(archive).toMatchObject({
      action: 'archive',
      automated: false,
      decided_by: moderatorUser.id,
      statement,
      reasons: ['copyright'],
      related_id: id,
    });

    // Deciding again is refused.
    const again = await decide(id, { outcome: 'reject', statement: 'Doch nicht.' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'takedown_not_open' });

    await t.platform.jobs.runDue();
    const complainant = await mailsTo(t, request.complainantEmail);
    expect(complainant.at(-1)).toMatchObject({
      subject: 'Ihre Meldung wurde bestätigt: Excel Pivot in 10 Minuten',
    });
    expect(complainant.at(-1)?.text).toContain(`Begründung: ${statement}`);
    await deliverNotificationEmails(t);
    const creatorText = (await mailsTo(t, creatorUser.email)).map((mail) => mail.text).join('\n');
    expect(creatorText).toContain('wurde archiviert');
    expect(creatorText).toContain(`Sachverhalt: ${statement}`);
    expect(creatorText).toContain('Dr. Rita Rechte');
    expect(creatorText).not.toContain(request.complainantEmail);

    const audit = await t.platform.database.db
      .selectFrom('audit_events')
      .select(['actor_id', 'details'])
      .where('action', '=', 'takedown.decided')
      .where('target_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_id: moderatorUser.id,
      details: {
        outcome: 'uphold',
        before: { status: 'responded', nanoStatus: 'hidden' },
        after: { status: 'upheld', nanoStatus: 'archived' },
      },
    });
  });

  it('rejects a notice: the Nano is public again unless another notice on it is still open', async () => {
    const nanoId = await createPublishedNano(t, creator, moderator);
    const first = noticeFor(nanoId);
    const firstId = await confirmedNotice(t, first);
    const secondId = await confirmedNotice(t, noticeFor(nanoId, { complainantName: 'Zweiter Verlag' }));
    await respond(nanoId);
    expect((await notice(secondId)).status).toBe('responded');

    const statement = 'Das Material ist gemeinfrei; der Verlag hat keine Rechte daran.';
    const one = await decide(firstId, { outcome: 'reject', statement });
    expect(one.statusCode).toBe(200);
    expect(await nanoStatus(t, nanoId)).toBe('hidden');
    t.clock.advance(MINUTE);
    const two = await decide(secondId, { outcome: 'reject', reasons: [], statement });
    expect(two.statusCode).toBe(200);
    expect(takedownSchema.parse(two.json())).toMatchObject({
      status: 'rejected',
      nano: { status: 'published' },
    });
    expect(await nanoStatus(t, nanoId)).toBe('published');
    expect((await guest(t).get(`/api/v1/nanos/${nanoId}`)).statusCode).toBe(200);
    expect((await takedownDecisions(nanoId)).map((d) => d.action)).toEqual(['hide', 'none', 'restore']);

    await t.platform.jobs.runDue();
    expect((await mailsTo(t, first.complainantEmail)).at(-1)?.subject).toBe(
      'Ihre Meldung wurde zurückgewiesen: Excel Pivot in 10 Minuten',
    );
    await deliverNotificationEmails(t);
    const creatorText = (await mailsTo(t, creatorUser.email)).map((mail) => mail.text).join('\n');
    expect(creatorText).toContain(
      'Die Moderation hat die Beschwerde über „Excel Pivot in 10 Minuten“ zurückgewiesen.',
    );
    expect(creatorText).toContain('Ihr Nano ist wieder öffentlich sichtbar.');
    // The decided list shows both, newest decision first.
    const decided = takedownPageSchema.parse(
      (await moderator.get('/api/v1/moderation/takedowns?status=decided&pageSize=100')).json(),
    );
    const decidedIds = decided.items.map((item) => item.id);
    expect(decidedIds.indexOf(secondId)).toBeGreaterThanOrEqual(0);
    expect(decidedIds.indexOf(secondId)).toBeLessThan(decidedIds.indexOf(firstId));
  });

  it(`blocks uploads after ${MODERATION_LIMITS.takedownRepeatCount} upheld notices within ${MODERATION_LIMITS.takedownRepeatMonths} months`, async () => {
    const nanos: string[] = [];
    for (let i = 0; i < MODERATION_LIMITS.takedownRepeatCount; i++) {
      nanos.push(await createPublishedNano(t, creator, moderator));
    }
    const [oldest, ...recent] = nanos;
    const statement = 'Die Inhalte sind aus einem Lehrbuch kopiert.';
    // The first upheld notice, then more than the window later the others: not yet a repetition.
    await decide(await confirmedNotice(t, noticeFor(oldest ?? '')), { outcome: 'uphold', statement });
    t.clock.advance(366 * DAY);
    creator = await login(t, creatorUser);
    moderator = await login(t, moderatorUser);
    for (const nanoId of recent) {
      await decide(await confirmedNotice(t, noticeFor(nanoId)), { outcome: 'uphold', statement });
    }
    expect((await getStanding(t.platform.database.db, creatorUser.id)).uploadsBlocked).toBe(false);

    // One more upheld notice (here: expired) within the window is the third.
    const fourth = await createPublishedNano(t, creator, moderator);
    await confirmedNotice(t, noticeFor(fourth));
    t.clock.advance(MODERATION_LIMITS.takedownResponseHours * HOUR);
    await t.platform.jobs.enqueue(TAKEDOWN_DEADLINES_JOB);
    await t.platform.jobs.runDue();
    const standing = await getStanding(t.platform.database.db, creatorUser.id);
    expect(standing.uploadsBlocked).toBe(true);

    const [suspend] = await takedownDecisions(creatorUser.id);
    expect(suspend).toMatchObject({
      target_type: 'user',
      action: 'suspend',
      automated: true,
      decided_by: null,
      affected_user_id: creatorUser.id,
    });
    expect(suspend?.statement).toContain('Ihre Uploads sind deshalb gesperrt');

    // Uploading is refused now; the account itself stays usable (a draft can still be written).
    creator = await login(t, creatorUser);
    const draft = await createDraft(t, creator);
    const upload = await uploadZip(creator, draft, await makeNanoZip());
    expect(upload.statusCode).toBe(403);
    expect(upload.json()).toMatchObject({ code: 'uploads_blocked' });
    const audit = await t.platform.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'takedown.uploads_blocked')
      .where('target_id', '=', creatorUser.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      upheldNotices: MODERATION_LIMITS.takedownRepeatCount,
      before: { uploadsBlocked: false },
      after: { uploadsBlocked: true },
    });

    // A notice whose decision an appeal reversed no longer counts for the rule.
    const db = t.platform.database.db;
    const upheld = await db
      .selectFrom('takedown_notices')
      .select('decision_id')
      .where('creator_id', '=', creatorUser.id)
      .where('status', '=', 'upheld')
      .orderBy('decided_at', 'desc')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('moderation_decisions')
      .set({ reversed_at: t.clock.now() })
      .where('id', '=', upheld.decision_id ?? '')
      .execute();
    expect(await countUpheldSince(db, creatorUser.id, repeatWindowStart(t.clock.now()))).toBe(
      MODERATION_LIMITS.takedownRepeatCount - 1,
    );
  });

  it('costs a trusted creator the trust on the first upheld notice', async () => {
    const nanoId = await createPublishedNano(t, creator, moderator);
    await grantTrust(t.platform.database.db, creatorUser.id, t.clock.now());
    const id = await confirmedNotice(t, noticeFor(nanoId));
    expect((await getStanding(t.platform.database.db, creatorUser.id)).trusted).toBe(true);
    await decide(id, { outcome: 'uphold', statement: 'Urheberrechtsverletzung bestätigt.' });
    expect((await getStanding(t.platform.database.db, creatorUser.id)).trusted).toBe(false);
    const audit = await t.platform.database.db
      .selectFrom('audit_events')
      .select(['actor_id', 'details'])
      .where('action', '=', 'takedown.trust_revoked')
      .where('target_id', '=', creatorUser.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_id: moderatorUser.id,
      details: { noticeId: id, before: { trusted: true }, after: { trusted: false } },
    });
  });
});
