import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, type Signed, signedIn } from '../admin/admin-fixtures.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { lastMailTo, signIn } from '../factories.ts';
import { hideComment, nanoCounters, put, ratingsUrl } from '../feedback/feedback-fixtures.ts';
import { freshClient } from '../identity/identity-helpers.ts';
import { createPublishedNano } from '../nano-fixtures.ts';

const liftUrl = (id: string) => `/api/v1/admin/users/${id}/restriction/lift`;

describe(`privacy: restriction of processing (Art. 18) (${testDatabaseKind})`, () => {
  let t: TestApp;
  let admin: Signed;
  let moderator: Signed;
  let creator: Signed;
  let rater: Signed;
  let visibleNano: string;
  let moderatedNano: string;
  let otherNano: string;
  let ratingId: string;
  let moderatedRatingId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await signedIn(t, 'admin');
    moderator = await signedIn(t, 'moderator');
    creator = await signedIn(t, 'creator');
    rater = await signedIn(t, 'creator');
    const other = await signedIn(t, 'creator');
    visibleNano = await createPublishedNano(t, creator.client, moderator.client);
    moderatedNano = await createPublishedNano(t, creator.client, moderator.client);
    otherNano = await createPublishedNano(t, other.client, moderator.client);
    const secondOther = await createPublishedNano(t, other.client, moderator.client);
    // Moderation hid one Nano and one comment before the restriction: lifting must not show them.
    await t.platform.database.db
      .updateTable('nanos')
      .set({ status: 'hidden' })
      .where('id', '=', moderatedNano)
      .execute();
    ratingId = (
      await put(creator.client, `/api/v1/nanos/${otherNano}/rating`, { score: 5, comment: 'Top' })
    ).json().id;
    moderatedRatingId = (
      await put(creator.client, `/api/v1/nanos/${secondOther}/rating`, { score: 1, comment: 'Schwach' })
    ).json().id;
    await hideComment(t, moderatedRatingId, moderator.user.id);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const status = async (nanoId: string) =>
    (
      await t.platform.database.db
        .selectFrom('nanos')
        .select('status')
        .where('id', '=', nanoId)
        .executeTakeFirstOrThrow()
    ).status;
  const publicComment = async (nanoId: string, id: string) =>
    (
      (await freshClient(t).get(ratingsUrl(nanoId))).json().items as Array<{
        id: string;
        comment: string | null;
      }>
    ).find((r) => r.id === id)?.comment;

  it('freezes the account and hides its content from the public', async () => {
    const wrong = await creator.client.post('/api/v1/me/restriction', { password: 'nicht-richtig' });
    expect(wrong.statusCode).toBe(400);
    const counters = await nanoCounters(t, otherNano);
    const res = await creator.client.post('/api/v1/me/restriction', {
      password: creator.user.password,
      reason: 'Daten unrichtig',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ status: 'restricted', nanos: 1, comments: 1 });

    expect((await creator.client.get('/api/v1/auth/me')).statusCode).toBe(401);
    const login = await freshClient(t).post('/api/v1/auth/login', {
      login: creator.user.username,
      password: creator.user.password,
    });
    expect(login.statusCode).toBe(403);
    expect(login.json()).toMatchObject({ code: 'account_restricted' });
    expect(login.json().title).toMatch(/Support/);

    expect(await status(visibleNano)).toBe('hidden');
    expect((await freshClient(t).get(`/api/v1/nanos/${visibleNano}`)).statusCode).toBe(404);
    expect(await publicComment(otherNano, ratingId)).toBeNull();
    expect(await nanoCounters(t, otherNano)).toEqual(counters);
    expect((await freshClient(t).get(`/api/v1/users/${creator.user.username}`)).statusCode).toBe(404);
    expect((await lastMailTo(t, creator.user.email)).subject).toBe(
      'Die Verarbeitung Ihrer Daten ist eingeschränkt',
    );
    const request = await t.platform.database.db
      .selectFrom('privacy_requests')
      .select(['type', 'status'])
      .where('user_id', '=', creator.user.id)
      .executeTakeFirstOrThrow();
    expect(request).toEqual({ type: 'restriction', status: 'in_progress' });
    expect(
      await auditRows(t, { action: 'privacy.restriction_requested', targetId: creator.user.id }),
    ).toHaveLength(1);
  });

  it('is lifted by admins only, restoring exactly what it hid', async () => {
    const denied = await rater.client.post(liftUrl(creator.user.id), {});
    expect(denied.statusCode).toBe(403);
    expect(await status(visibleNano)).toBe('hidden');

    const res = await admin.client.post(liftUrl(creator.user.id), { note: 'Berichtigung erledigt' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ status: 'lifted', nanos: 1, comments: 1 });
    expect(await status(visibleNano)).toBe('published');
    expect(await publicComment(otherNano, ratingId)).toBe('Top');
    // What moderation had hidden stays hidden.
    expect(await status(moderatedNano)).toBe('hidden');
    const moderated = await t.platform.database.db
      .selectFrom('ratings')
      .select(['comment_hidden_by'])
      .where('id', '=', moderatedRatingId)
      .executeTakeFirstOrThrow();
    expect(moderated.comment_hidden_by).toBe(moderator.user.id);
    const holds = await t.platform.database.db
      .selectFrom('restriction_holds')
      .select('target_id')
      .where('user_id', '=', creator.user.id)
      .execute();
    expect(holds).toEqual([]);

    const request = await t.platform.database.db
      .selectFrom('privacy_requests')
      .select(['status', 'note'])
      .where('user_id', '=', creator.user.id)
      .executeTakeFirstOrThrow();
    expect(request).toEqual({ status: 'completed', note: 'Berichtigung erledigt' });
    const [event] = await auditRows(t, { action: 'privacy.restriction_lifted', targetId: creator.user.id });
    expect(event?.actorId).toBe(admin.user.id);
    expect((await lastMailTo(t, creator.user.email)).subject).toBe(
      'Die Einschränkung Ihres Kontos wurde aufgehoben',
    );
    expect(
      (await signIn(t, creator.user, { ip: '10.98.0.1' }).then((c) => c.get('/api/v1/auth/me'))).statusCode,
    ).toBe(200);

    const again = await admin.client.post(liftUrl(creator.user.id), {});
    expect(again.statusCode).toBe(409);
  });
});
