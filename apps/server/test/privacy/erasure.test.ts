import { ERASED_USER_NAME, PRIVACY_LIMITS } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpNow } from '../../src/modules/identity/crypto/totp.ts';
import { RUN_DUE_ERASURES_CRON, scheduleErasureJobs } from '../../src/modules/privacy/erasure.jobs.ts';
import { ERASED_DISPLAY_NAME } from '../../src/modules/privacy/erasure.service.ts';
import { auditRows, signedIn } from '../admin/admin-fixtures.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { lastMailTo, signIn } from '../factories.ts';
import { nanoCounters, put, ratingsUrl } from '../feedback/feedback-fixtures.ts';
import type { TestClient } from '../http-client.ts';
import {
  enableTwoFactor,
  freshClient,
  registrationBody,
  setCookieOf,
  wrongTotp,
} from '../identity/identity-helpers.ts';
import { type ActiveUserSeed, seedActiveUser } from './privacy-fixtures.ts';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60_000;
const WINDOW = PRIVACY_LIMITS.erasureCancelDays * DAY;

describe(`privacy: erasure (Art. 17) (${testDatabaseKind})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
    await scheduleErasureJobs(t.platform);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const db = () => t.platform.database.db;
  const login = (user: { username: string; password: string }) =>
    freshClient(t).post('/api/v1/auth/login', { login: user.username, password: user.password });
  const userRow = (id: string) =>
    db().selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const requestErasure = (client: TestClient, body: Record<string, unknown>) =>
    client.post('/api/v1/me/erasure', body);
  /** The cancellation token of the newest mail to `email`. */
  const cancelToken = async (email: string) => {
    const mail = await lastMailTo(t, email);
    expect(mail.link?.pathname).toBe('/loeschung-abbrechen');
    return mail.link?.searchParams.get('token') ?? '';
  };
  /** Runs the cron job as its schedule would after the clock moved on. */
  const runJob = async () => {
    t.clock.advance(10 * MINUTE);
    await t.platform.jobs.runDue();
    await t.platform.jobs.runDue();
  };

  it('confirms the password and, with 2FA on, a current code; failures are audited', async () => {
    expect(RUN_DUE_ERASURES_CRON).toBe('*/10 * * * *');
    const someone = await signedIn(t, 'consumer');
    const wrong = await requestErasure(someone.client, { password: 'falsch-falsch', nanos: 'delete' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      expect.objectContaining({ field: 'body.password', code: 'wrong_password' }),
    ]);
    expect(wrong.json().errors[0].message).toBe('Das Passwort ist falsch.');
    expect((await userRow(someone.user.id)).status).toBe('active');
    const [failure] = await auditRows(t, {
      action: 'privacy.identity_confirmation_failed',
      actorId: someone.user.id,
    });
    expect(failure?.details).toMatchObject({ purpose: 'erasure', reason: 'wrong_password' });

    const { secret } = await enableTwoFactor(t, someone.client);
    const body = { password: someone.user.password, nanos: 'keep_anonymised' };
    const missing = await requestErasure(someone.client, body);
    expect(missing.json().errors[0]).toMatchObject({
      field: 'body.twoFactorCode',
      code: 'two_factor_required',
    });
    const badCode = await requestErasure(someone.client, {
      ...body,
      twoFactorCode: wrongTotp(secret, t.clock.now()),
    });
    expect(badCode.json().errors[0]).toMatchObject({ field: 'body.twoFactorCode', code: 'two_factor_code' });
    expect((await userRow(someone.user.id)).status).toBe('active');
    const ok = await requestErasure(someone.client, {
      ...body,
      twoFactorCode: totpNow(secret, t.clock.now()),
    });
    expect(ok.statusCode, ok.body).toBe(202);
  });

  it('refuses the last active admin', async () => {
    const admins = await db().selectFrom('users').select('id').where('role', '=', 'admin').execute();
    expect(admins).toEqual([]);
    const admin = await signedIn(t, 'admin');
    const res = await requestErasure(admin.client, {
      password: admin.user.password,
      nanos: 'keep_anonymised',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('last_admin');
    expect((await userRow(admin.user.id)).status).toBe('active');
  });

  describe('request and cancellation', () => {
    let seed: ActiveUserSeed;
    let token: string;

    beforeAll(async () => {
      seed = await seedActiveUser(t);
    }, 120_000);

    it('deactivates at once: sessions revoked, cookies cleared, login refused, email with the link', async () => {
      const second = await signIn(t, seed.user.user, { ip: '10.99.1.1' });
      const res = await requestErasure(seed.user.client, {
        password: seed.user.user.password,
        nanos: 'keep_anonymised',
        reason: 'Ich brauche das Konto nicht mehr',
      });
      expect(res.statusCode, res.body).toBe(202);
      const scheduledFor = new Date(t.clock.now().getTime() + WINDOW).toISOString();
      expect(res.json()).toEqual({ status: 'scheduled', scheduledFor });
      expect(setCookieOf(res, 'nm_access')?.value).toBe('');

      expect((await userRow(seed.user.user.id)).status).toBe('deactivated');
      expect((await second.get('/api/v1/auth/me')).statusCode).toBe(401);
      const live = await db()
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', seed.user.user.id)
        .where('revoked_at', 'is', null)
        .execute();
      expect(live).toEqual([]);
      const refused = await login(seed.user.user);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'account_deactivated' });
      expect(refused.json().title).toMatch(/Löschung/);

      const mail = await lastMailTo(t, seed.user.user.email);
      expect(mail.subject).toBe('Ihr Konto wird gelöscht');
      expect(mail.text).toContain(`${t.config.publicUrl}/loeschung-abbrechen?token=`);
      expect(mail.text).toMatch(/Gelöschter Nutzer/);
      token = await cancelToken(seed.user.user.email);

      const request = await db()
        .selectFrom('privacy_requests')
        .select(['type', 'status', 'channel'])
        .where('user_id', '=', seed.user.user.id)
        .executeTakeFirstOrThrow();
      expect(request).toEqual({ type: 'erasure', status: 'in_progress', channel: 'self_service' });
      const [event] = await auditRows(t, {
        action: 'privacy.erasure_requested',
        targetId: seed.user.user.id,
      });
      expect(JSON.stringify(event?.details)).not.toMatch(/brauche/);
      // Content stays visible while the erasure is pending; the public profile is not (not active).
      expect((await seed.rater.client.get(`/api/v1/nanos/${seed.nanoId}`)).statusCode).toBe(200);
      expect((await seed.rater.client.get(`/api/v1/users/${seed.user.user.username}`)).statusCode).toBe(404);
    });

    it('cancels within the window: everything as before, sign-in works again', async () => {
      t.clock.advance(WINDOW - DAY);
      const anonymous = freshClient(t);
      expect((await anonymous.post('/api/v1/erasure/cancel', { token: `${token}x` })).json().code).toBe(
        'erasure_token_unknown',
      );
      const res = await anonymous.post('/api/v1/erasure/cancel', { token });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ status: 'cancelled' });
      expect((await userRow(seed.user.user.id)).status).toBe('active');
      expect((await login(seed.user.user)).statusCode).toBe(200);
      expect((await lastMailTo(t, seed.user.user.email)).subject).toBe(
        'Die Löschung Ihres Kontos wurde abgebrochen',
      );
      const again = await anonymous.post('/api/v1/erasure/cancel', { token });
      expect(again.statusCode).toBe(410);
      expect(again.json().code).toBe('erasure_cancel_expired');

      // The job later leaves the account alone.
      t.clock.advance(2 * DAY);
      await runJob();
      const row = await userRow(seed.user.user.id);
      expect(row).toMatchObject({ status: 'active', email: seed.user.user.email });
      expect((await seed.rater.client.get(`/api/v1/nanos/${seed.nanoId}`)).json().creator.displayName).toBe(
        seed.user.user.displayName,
      );
      const ratings = (await seed.rater.client.get(ratingsUrl(seed.otherNanoId))).json().items;
      expect(ratings.map((r: { comment: string }) => r.comment)).toContain(seed.texts.ratingComment);
      const request = await db()
        .selectFrom('privacy_requests')
        .select('status')
        .where('user_id', '=', seed.user.user.id)
        .executeTakeFirstOrThrow();
      expect(request.status).toBe('cancelled');
      expect(
        await auditRows(t, { action: 'privacy.erasure_cancelled', targetId: seed.user.user.id }),
      ).toHaveLength(1);
    });
  });

  describe('after the window: anonymised by the job (Nanos kept)', () => {
    let seed: ActiveUserSeed;
    let counters: Awaited<ReturnType<typeof nanoCounters>>;
    const exportKey = `exports/erasure-test/${Date.now()}.zip`;

    beforeAll(async () => {
      seed = await seedActiveUser(t);
      await t.platform.storage.put(exportKey, Buffer.from('zip'));
      await db()
        .insertInto('data_exports')
        .values({
          id: crypto.randomUUID(),
          user_id: seed.user.user.id,
          status: 'ready',
          locale: 'de',
          object_key: exportKey,
          size_bytes: 3,
          created_at: t.clock.now(),
        })
        .execute();
      counters = await nanoCounters(t, seed.otherNanoId);
      const res = await requestErasure(seed.user.client, {
        password: seed.user.user.password,
        nanos: 'keep_anonymised',
      });
      expect(res.statusCode, res.body).toBe(202);
    }, 120_000);

    it('cannot be cancelled once the window is over; the job anonymises once', async () => {
      const token = await cancelToken(seed.user.user.email);
      t.clock.advance(WINDOW - 20 * MINUTE);
      await runJob();
      expect((await userRow(seed.user.user.id)).status).toBe('deactivated');
      t.clock.advance(10 * MINUTE);
      const late = await freshClient(t).post('/api/v1/erasure/cancel', { token });
      expect(late.statusCode).toBe(410);
      await runJob();
      const row = await userRow(seed.user.user.id);
      expect(row).toMatchObject({
        status: 'deleted',
        email: null,
        username: null,
        display_name: ERASED_USER_NAME.de,
        password_hash: null,
      });
      expect((await login(seed.user.user)).statusCode).toBe(401);
      const erasure = await db()
        .selectFrom('account_erasures')
        .select(['completed_at', 'reason'])
        .where('user_id', '=', seed.user.user.id)
        .executeTakeFirstOrThrow();
      expect(erasure.completed_at).not.toBeNull();
      const request = await db()
        .selectFrom('privacy_requests')
        .select('status')
        .where('user_id', '=', seed.user.user.id)
        .executeTakeFirstOrThrow();
      expect(request.status).toBe('completed');
      const events = await auditRows(t, { action: 'privacy.erasure_completed', targetId: seed.user.user.id });
      expect(events).toHaveLength(1);
      expect(events[0]?.actorId).toBeNull();
      await runJob();
      expect(
        await auditRows(t, { action: 'privacy.erasure_completed', targetId: seed.user.user.id }),
      ).toHaveLength(1);
    });

    it('keeps the chat for the other party with the author de-identified', async () => {
      const other = await signIn(t, seed.other.user, { ip: '10.99.2.1' });
      const chat = (await other.get(`/api/v1/chats/${seed.chatId}`)).json();
      expect(chat.other).toMatchObject({ displayName: ERASED_DISPLAY_NAME, username: null });
      const messages = (await other.get(`/api/v1/chats/${seed.chatId}/messages`)).json().items as Array<{
        id: string;
        senderId: string | null;
        text: string;
      }>;
      const mine = messages.find((m) => m.id === seed.messageIds[0]);
      expect(mine).toMatchObject({ senderId: null, text: seed.texts.message });
      expect(messages.find((m) => m.id === seed.messageIds[1])?.senderId).toBe(seed.other.user.id);
    });

    it('keeps ratings as anonymous scores without comment, the average unchanged, Nanos under the erased name', async () => {
      expect(await nanoCounters(t, seed.otherNanoId)).toEqual(counters);
      const ratings = (await seed.rater.client.get(ratingsUrl(seed.otherNanoId))).json().items as Array<{
        id: string;
        score: number;
        comment: string | null;
        author: { displayName: string; username: string };
      }>;
      expect(ratings.find((r) => r.id === seed.ratingId)).toMatchObject({
        score: 4,
        comment: null,
        // An anonymous score has no author card (the rater's id is gone).
        author: expect.objectContaining({ username: '' }),
      });
      const nano = (await seed.rater.client.get(`/api/v1/nanos/${seed.nanoId}`)).json();
      expect(nano.status).toBe('published');
      expect(nano.creator.displayName).toBe(ERASED_DISPLAY_NAME);
    });

    it('deletes the data exports with their files', async () => {
      const rows = await db()
        .selectFrom('data_exports')
        .select('id')
        .where('user_id', '=', seed.user.user.id)
        .execute();
      expect(rows).toEqual([]);
      expect(await t.platform.storage.head(exportKey)).toBeNull();
    });

    it('frees the email address and username for a new, unrelated account', async () => {
      const res = await freshClient(t).post(
        '/api/v1/auth/register',
        registrationBody({ email: seed.user.user.email, username: seed.user.user.username }),
      );
      expect(res.statusCode, res.body).toBe(201);
      const fresh = await db()
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('email', '=', seed.user.user.email)
        .executeTakeFirstOrThrow();
      expect(fresh.id).not.toBe(seed.user.user.id);
      const lists = await db().selectFrom('lists').select('id').where('owner_id', '=', fresh.id).execute();
      expect(lists).toEqual([]);
    });
  });

  describe('Nanos deleted as chosen', () => {
    it('soft-deletes every Nano; others\u2019 favourites no longer show them', async () => {
      const seed = await seedActiveUser(t);
      expect((await put(seed.rater.client, `/api/v1/favorites/${seed.nanoId}`)).statusCode).toBeLessThan(300);
      const res = await requestErasure(seed.user.client, {
        password: seed.user.user.password,
        nanos: 'delete',
      });
      expect(res.statusCode).toBe(202);
      t.clock.advance(WINDOW);
      await runJob();
      const nano = await db()
        .selectFrom('nanos')
        .select(['status', 'status_before_delete', 'deleted_at'])
        .where('id', '=', seed.nanoId)
        .executeTakeFirstOrThrow();
      expect(nano).toMatchObject({ status: 'deleted', status_before_delete: 'published' });
      expect((await seed.rater.client.get(`/api/v1/nanos/${seed.nanoId}`)).statusCode).toBe(404);
      const favourites = (await seed.rater.client.get('/api/v1/me/favorites')).json();
      expect(JSON.stringify(favourites)).not.toContain(seed.nanoId);
      const [deleted] = await auditRows(t, { action: 'nano.delete', targetId: seed.nanoId });
      expect(deleted?.details).toMatchObject({ reason: 'account_erased', to: 'deleted' });
    });
  });
});
