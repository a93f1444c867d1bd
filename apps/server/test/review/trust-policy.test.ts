import { MODERATION_LIMITS } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditService } from '../../src/modules/audit/audit.service.ts';
import { promoteIfEarned } from '../../src/modules/catalog/trust-policy.ts';
import {
  blockUploads,
  getStanding,
  revokeTrust,
  unblockUploads,
} from '../../src/modules/moderation/standing.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { auditEvents } from '../identity/identity-helpers.ts';
import { createDraftWithFile } from '../nano-fixtures.ts';
import {
  approve,
  type Person,
  person,
  SETUP_TIMEOUT_MS,
  signInAgain,
  submitNew,
  tinyZip,
  uploadUpdate,
} from './review-fixtures.ts';

const QUOTA = MODERATION_LIMITS.newCreatorMonthlySubmissions;

describe(`trust policy: monthly quota, blocked uploads, trust after approvals (${testDatabaseKind})`, () => {
  let t: TestApp;
  let moderator: Person;

  beforeAll(async () => {
    t = await buildTestApp();
    moderator = await person(t, 'moderator');
  });
  afterAll(async () => {
    await t.close();
  });

  it(`lets a new creator submit ${QUOTA} times a calendar month, then answers 429 until the next month`, async () => {
    t.clock.set('2026-01-20T10:00:00.000Z');
    await signInAgain(t, moderator);
    const creator = await person(t, 'creator');
    for (let i = 0; i < QUOTA; i++) {
      await submitNew(t, creator.client, { title: `Einreichung ${i + 1}` });
    }
    const sixth = await createDraftWithFile(t, creator.client, await tinyZip());
    const refused = await creator.client.post(`/api/v1/nanos/${sixth}/submit`);
    expect(refused.statusCode).toBe(429);
    const problem = refused.json();
    expect(problem).toMatchObject({
      code: 'submission_quota_exceeded',
      title: `Sie haben diesen Monat bereits ${QUOTA} Nanos eingereicht, das Höchstmaß für neue Creator.`,
      limit: QUOTA,
      used: QUOTA,
      resetsAt: '2026-02-01T00:00:00.000Z',
    });
    expect(problem.detail).toContain(`höchstens ${QUOTA} Einreichungen pro Kalendermonat`);
    expect(problem.detail).toContain('1. Februar 2026');
    // 11 days and 14 hours to the first of February, 00:00 UTC.
    expect(refused.headers['retry-after']).toBe(String((11 * 24 + 14) * 3600));
    expect((await creator.client.get(`/api/v1/nanos/${sixth}`)).json().status).toBe('draft');

    // The next month starts afresh.
    t.clock.set('2026-02-01T00:00:01.000Z');
    await signInAgain(t, creator);
    const next = await creator.client.post(`/api/v1/nanos/${sixth}/submit`);
    expect(next.statusCode, next.body).toBe(200);
  });

  it('counts updates of live Nanos against the quota and says so in English too', async () => {
    t.clock.set('2026-03-10T08:00:00.000Z');
    await signInAgain(t, moderator);
    const creator = await person(t, 'creator', { locale: 'en' });
    const live = await submitNew(t, creator.client);
    await approve(moderator.client, live);
    for (let i = 1; i < QUOTA; i++) {
      await submitNew(t, creator.client);
    }
    const update = await uploadUpdate(t, creator.client, live);
    expect(update.statusCode).toBe(429);
    expect(update.json()).toMatchObject({
      code: 'submission_quota_exceeded',
      title: `You have already submitted ${QUOTA} Nanos this month, the limit for new creators.`,
      detail: `Until your account is trusted, you can send at most ${QUOTA} submissions per calendar month for review. You can submit again from 1 April 2026.`,
    });
    // Nothing of the refused upload is kept.
    const versions = await t.platform.database.db
      .selectFrom('nano_versions')
      .select('id')
      .where('nano_id', '=', live)
      .execute();
    expect(versions).toHaveLength(1);
  });

  it('refuses every upload and submission while uploads are blocked', async () => {
    const creator = await person(t, 'creator');
    const draft = await createDraftWithFile(t, creator.client, await tinyZip());
    await blockUploads(
      t.platform.database.db,
      creator.user.id,
      'Drei bestätigte Rechtsverletzungen',
      t.clock.now(),
    );
    const submit = await creator.client.post(`/api/v1/nanos/${draft}/submit`);
    expect(submit.statusCode).toBe(403);
    expect(submit.json()).toMatchObject({ code: 'uploads_blocked' });
    const upload = await uploadUpdate(t, creator.client, draft);
    expect(upload.statusCode).toBe(403);
    expect(upload.json().code).toBe('uploads_blocked');
    expect(await getStanding(t.platform.database.db, creator.user.id)).toMatchObject({
      uploadsBlocked: true,
      uploadsBlockedReason: 'Drei bestätigte Rechtsverletzungen',
    });

    await unblockUploads(t.platform.database.db, creator.user.id);
    expect((await creator.client.post(`/api/v1/nanos/${draft}/submit`)).statusCode).toBe(200);
  });

  it(
    `trusts a creator after ${MODERATION_LIMITS.trustAfterApprovals} approvals, lifting the quota`,
    async () => {
      t.clock.set('2026-04-20T08:00:00.000Z');
      await signInAgain(t, moderator);
      const creator = await person(t, 'creator');
      const detailTrusted = async (id: string) =>
        (await moderator.client.get(`/api/v1/moderation/nanos/${id}`)).json().creator.trusted as boolean;

      let last = '';
      for (let i = 0; i < MODERATION_LIMITS.trustAfterApprovals; i++) {
        if (i === QUOTA) {
          // April's submissions are used up; May's come.
          t.clock.set('2026-05-02T08:00:00.000Z');
          await signInAgain(t, moderator, creator);
        }
        last = await submitNew(t, creator.client);
        expect(await detailTrusted(last)).toBe(false);
        await approve(moderator.client, last);
      }
      expect(await detailTrusted(last)).toBe(true);
      const standing = await getStanding(t.platform.database.db, creator.user.id);
      expect(standing).toMatchObject({ trusted: true, trustedAt: t.clock.now() });
      const granted = await auditEvents(t, { action: 'moderation.trust_granted' });
      expect(granted).toHaveLength(1);
      expect(granted[0]).toMatchObject({ target_id: creator.user.id, actor_id: moderator.user.id });
      expect(granted[0]?.details).toMatchObject({
        approvals: MODERATION_LIMITS.trustAfterApprovals,
        before: { trusted: false },
        after: { trusted: true },
      });

      // Trusted: May's sixth submission goes through.
      const sixth = await submitNew(t, creator.client);
      expect((await moderator.client.get(`/api/v1/moderation/nanos/${sixth}`)).json().queueType).toBe('new');

      // Revoked trust counts approvals afresh.
      const db = t.platform.database.db;
      t.clock.advance(1000);
      expect(await revokeTrust(db, creator.user.id, 'Zwei bestätigte Meldungen', t.clock.now())).toBe(true);
      expect(await revokeTrust(db, creator.user.id, 'noch einmal', t.clock.now())).toBe(false);
      const audit = createAuditService({ db, clock: t.clock });
      const again = await db
        .transaction()
        .execute((trx) =>
          promoteIfEarned(
            trx,
            { audit },
            { creatorId: creator.user.id, actorId: moderator.user.id, now: t.clock.now() },
          ),
        );
      expect(again).toBe(false);
      expect(await getStanding(db, creator.user.id)).toMatchObject({
        trusted: false,
        trustRevokedReason: 'Zwei bestätigte Meldungen',
      });
    },
    SETUP_TIMEOUT_MS,
  );
});
