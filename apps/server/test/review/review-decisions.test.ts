import { MODERATION_LIMITS, REASON_TEMPLATES, reviewClaimSchema } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { TestClient } from '../http-client.ts';
import { auditEvents } from '../identity/identity-helpers.ts';
import { APPROVE, FULL_CHECKLIST } from '../nano-fixtures.ts';
import { deliverNotificationEmails, mailsTo } from '../notifications/notification-fixtures.ts';
import {
  advance,
  decisionsOn,
  type Person,
  person,
  publishNew,
  SETUP_TIMEOUT_MS,
  submitNew,
  uploadUpdate,
} from './review-fixtures.ts';

const DAY_MS = 24 * 60 * 60_000;
const CLAIM_MS = MODERATION_LIMITS.claimMinutes * 60_000;

describe(`review claims: one reviewer at a time (${testDatabaseKind})`, () => {
  let t: TestApp;
  let anna: Person;
  let ben: Person;
  let admin: Person;
  let creator: Person;
  let id: string;

  beforeAll(async () => {
    t = await buildTestApp();
    anna = await person(t, 'moderator', { displayName: 'Anna Prüferin' });
    ben = await person(t, 'moderator', { displayName: 'Ben Prüfer' });
    admin = await person(t, 'admin');
    creator = await person(t, 'creator');
    id = await submitNew(t, creator.client);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await t.close();
  });

  const claimUrl = () => `/api/v1/moderation/nanos/${id}/claim`;
  const decisionUrl = () => `/api/v1/moderation/nanos/${id}/decision`;

  it('claims for 30 minutes, renews for the holder, and refuses another moderator with who and until when', async () => {
    const claimed = await anna.client.post(claimUrl());
    expect(claimed.statusCode, claimed.body).toBe(200);
    const claim = reviewClaimSchema.parse(claimed.json());
    expect(claim).toEqual({
      by: { id: anna.user.id, username: anna.user.username, displayName: 'Anna Prüferin' },
      expiresAt: new Date(t.clock.now().getTime() + CLAIM_MS).toISOString(),
    });

    t.clock.advance(10 * 60_000);
    const renewed = await anna.client.post(claimUrl());
    expect(renewed.json().expiresAt).toBe(new Date(t.clock.now().getTime() + CLAIM_MS).toISOString());

    const refused = await ben.client.post(claimUrl());
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'review_claimed',
      title: 'Dieses Nano prüft gerade ein anderes Mitglied der Moderation.',
      claim: { by: { id: anna.user.id, displayName: 'Anna Prüferin' }, expiresAt: renewed.json().expiresAt },
    });
    // 09:10 UTC + 30 min = 10:40 in Berlin (winter time).
    expect(refused.json().detail).toMatch(/^Anna Prüferin prüft dieses Nano bis .*10:40 Uhr\./);

    const english = new TestClient(t.app, { locale: 'en' });
    english.cookies.clear();
    for (const [name, cookie] of ben.client.cookies) {
      english.cookies.set(name, cookie);
    }
    const refusedEn = await english.post(claimUrl());
    expect(refusedEn.json().title).toBe('Another moderator is reviewing this Nano right now.');
    expect(refusedEn.json().detail).toMatch(/^Anna Prüferin is reviewing this Nano until .*10:40\./);

    // Deciding is refused too, and releasing someone else's claim is for admins only.
    const decided = await ben.client.post(decisionUrl(), APPROVE);
    expect(decided.statusCode).toBe(409);
    expect(decided.json().code).toBe('review_claimed');
    expect((await ben.client.delete(claimUrl())).statusCode).toBe(403);
    expect((await ben.client.get(`/api/v1/moderation/nanos/${id}`)).json().claim.by.id).toBe(anna.user.id);
  });

  it('lets the claim lapse after 30 minutes', async () => {
    await advance(t, CLAIM_MS + 60_000, anna, ben, admin, creator);
    const taken = await ben.client.post(claimUrl());
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json().by.id).toBe(ben.user.id);
    expect((await anna.client.post(claimUrl())).statusCode).toBe(409);
  });

  it('lets an admin release any claim, audited', async () => {
    expect((await admin.client.delete(claimUrl())).statusCode).toBe(204);
    expect((await anna.client.get(`/api/v1/moderation/nanos/${id}`)).json().claim).toBeNull();
    const actions = (await auditEvents(t)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['moderation.review_claimed', 'moderation.review_released']),
    );
  });

  it('releases the claim with the decision', async () => {
    expect((await anna.client.post(claimUrl())).statusCode).toBe(200);
    expect((await anna.client.post(decisionUrl(), APPROVE)).statusCode).toBe(200);
    const detail = (await ben.client.get(`/api/v1/moderation/nanos/${id}`)).json();
    expect(detail).toMatchObject({ claim: null, queueType: null });
    // Nothing waits any more: there is nothing to claim.
    const nothing = await ben.client.post(claimUrl());
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().code).toBe('conflict');
  });

  it('refuses a moderator the claim of their own Nano, and unknown Nanos', async () => {
    const own = await submitNew(t, anna.client);
    expect((await anna.client.post(`/api/v1/moderation/nanos/${own}/claim`)).statusCode).toBe(403);
    const unknown = '0190a000-0000-7000-8000-000000000000';
    expect((await anna.client.post(`/api/v1/moderation/nanos/${unknown}/claim`)).statusCode).toBe(404);
  });
});

describe(`review decisions: rules, statement of reasons, mails (${testDatabaseKind})`, () => {
  let t: TestApp;
  let moderator: Person;
  let creator: Person;

  beforeAll(async () => {
    t = await buildTestApp();
    moderator = await person(t, 'moderator');
    creator = await person(t, 'creator');
  });
  afterAll(async () => {
    await t.close();
  });

  it('approves only with every checklist item ticked', async () => {
    const id = await submitNew(t, creator.client);
    const url = `/api/v1/moderation/nanos/${id}/decision`;
    const partial = await moderator.client.post(url, {
      decision: 'approve',
      checklist: { ...FULL_CHECKLIST, privacy: false },
    });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().errors).toEqual([
      {
        field: 'body.checklist',
        code: 'checklist_incomplete',
        message: 'Zum Freigeben müssen alle Punkte der Prüfliste abgehakt sein.',
      },
    ]);
    const missing = await moderator.client.post(url, { decision: 'approve' });
    expect(missing.json().errors[0].field).toBe('body.checklist');
    const unknownItem = await moderator.client.post(url, {
      ...APPROVE,
      checklist: { ...FULL_CHECKLIST, vibes: true },
    });
    expect(unknownItem.statusCode).toBe(400);

    expect((await moderator.client.post(url, APPROVE)).statusCode).toBe(200);
    const [review] = await t.platform.database.db
      .selectFrom('nano_reviews')
      .select(['decision', 'checklist'])
      .where('nano_id', '=', id)
      .execute();
    expect(review?.decision).toBe('approve');
    const checklist =
      typeof review?.checklist === 'string' ? JSON.parse(review.checklist) : review?.checklist;
    expect(checklist).toEqual(FULL_CHECKLIST);

    // An approval is recorded, restricts nothing (no appeal) and reaches the creator as before.
    const [decision] = await decisionsOn(t, id);
    expect(decision).toMatchObject({ action: 'approve', source: 'review', appealable_until: null });
    const notes = (await creator.client.get('/api/v1/me/notifications')).json().items;
    expect(notes[0]).toMatchObject({
      type: 'nano.review_decision',
      payload: { nanoId: id, decision: 'approve' },
    });
  });

  it('needs a reason from the list to reject or request changes', async () => {
    const id = await submitNew(t, creator.client);
    const url = `/api/v1/moderation/nanos/${id}/decision`;
    for (const decision of ['reject', 'request_changes']) {
      const res = await moderator.client.post(url, { decision, note: 'Bitte überarbeiten.' });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        {
          field: 'body.reasons',
          code: 'reasons_required',
          message: 'Bitte nennen Sie mindestens einen Grund.',
        },
      ]);
    }
    const freeText = await moderator.client.post(url, { decision: 'reject', reasons: ['Quellen fehlen'] });
    expect(freeText.statusCode).toBe(400);
    const tooMany = await moderator.client.post(url, {
      decision: 'reject',
      reasons: ['copyright', 'privacy', 'spam', 'hate', 'illegal', 'other'],
    });
    expect(tooMany.statusCode).toBe(400);
    expect(
      (
        await t.platform.database.db
          .selectFrom('nano_reviews')
          .select('id')
          .where('nano_id', '=', id)
          .execute()
      ).length,
    ).toBe(0);
  });

  it('stores the statement of reasons of a restricting decision and mails it once', async () => {
    const id = await submitNew(t, creator.client, { title: 'Bruchrechnen kompakt' });
    await deliverNotificationEmails(t);
    const before = await mailsTo(t, creator.user.email);
    const res = await moderator.client.post(`/api/v1/moderation/nanos/${id}/decision`, {
      decision: 'request_changes',
      reasons: ['metadata_incomplete', 'quality'],
      note: 'Auf Folie 3 fehlt die Quellenangabe.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('changes_requested');

    const [decision] = await decisionsOn(t, id);
    expect(decision).toMatchObject({
      action: 'request_changes',
      source: 'review',
      reasons: ['metadata_incomplete', 'quality'],
      statement: 'Auf Folie 3 fehlt die Quellenangabe.',
      automated: false,
      decided_by: moderator.user.id,
      affected_user_id: creator.user.id,
      target_label: 'Bruchrechnen kompakt',
    });
    expect(decision?.appealable_until?.getTime()).toBe(
      t.clock.now().getTime() + MODERATION_LIMITS.appealDays * DAY_MS,
    );

    const notes = (await creator.client.get('/api/v1/me/notifications')).json().items;
    expect(notes[0]).toMatchObject({
      type: 'moderation.decision',
      payload: { nanoId: id, action: 'request_changes', statement: 'Auf Folie 3 fehlt die Quellenangabe.' },
    });
    expect(notes.filter((n: { payload: { nanoId?: string } }) => n.payload.nanoId === id)).toHaveLength(1);

    await deliverNotificationEmails(t);
    const mails = (await mailsTo(t, creator.user.email)).slice(before.length);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toMatch(/^Entscheidung der Moderation: Ihr Nano „Bruchrechnen kompakt“/);
    expect(mails[0]?.text).toContain(REASON_TEMPLATES.metadata_incomplete.de.rule);
    expect(mails[0]?.text).toContain('Auf Folie 3 fehlt die Quellenangabe.');
    expect(mails[0]?.text).toContain('/meine-entscheidungen');
    expect(mails[0]?.text).toContain('automatisierte Mittel wurden nicht eingesetzt');

    const audit = (await auditEvents(t, { action: 'nano.review_decision' })).find((e) => e.target_id === id);
    expect(audit?.details).toMatchObject({
      decision: 'request_changes',
      before: { status: 'pending_review' },
      after: { status: 'changes_requested' },
    });
  });

  it('rejects with a statement and keeps rejected final', async () => {
    const id = await submitNew(t, creator.client);
    const res = await moderator.client.post(`/api/v1/moderation/nanos/${id}/decision`, {
      decision: 'reject',
      reasons: ['copyright'],
      note: 'Die Abbildungen stammen aus einem Lehrbuch.',
    });
    expect(res.json().status).toBe('rejected');
    expect((await decisionsOn(t, id)).map((d) => [d.action, d.source])).toEqual([['reject', 'review']]);
    const again = await moderator.client.post(`/api/v1/moderation/nanos/${id}/decision`, APPROVE);
    expect(again.statusCode).toBe(409);
  });

  it('decides on an update of a live Nano without taking the Nano offline', async () => {
    // A creator of their own: this suite used up the first one's monthly submissions.
    const other = await person(t, 'creator');
    const id = await publishNew(t, other.client, moderator.client);
    expect((await uploadUpdate(t, other.client, id)).statusCode).toBe(201);
    const res = await moderator.client.post(`/api/v1/moderation/nanos/${id}/decision`, {
      decision: 'reject',
      reasons: ['quality'],
    });
    expect(res.json()).toMatchObject({ status: 'published', currentVersion: { semver: '1.0.0' } });
  });
});
