import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditService } from '../../src/modules/audit/audit.service.ts';
import { ERASED_DISPLAY_NAME, eraseAccount } from '../../src/modules/privacy/erasure.service.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { helpfulUrl, nanoCounters, ratingsUrl } from '../feedback/feedback-fixtures.ts';
import { registrationBody } from '../identity/identity-helpers.ts';
import { createPublishedNano } from '../nano-fixtures.ts';
import { auditRows, type Signed, signedIn } from './admin-fixtures.ts';

const userUrl = (id: string) => `/api/v1/admin/users/${id}`;

describe(`admin: anonymising erasure (${testDatabaseKind})`, () => {
  let t: TestApp;
  let admin: Signed;
  let creator: Signed;
  let nanoId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await signedIn(t, 'admin');
    creator = await signedIn(t, 'creator');
    const moderator = await signedIn(t, 'moderator');
    nanoId = await createPublishedNano(t, creator.client, moderator.client);
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const favoriteCount = async () =>
    (
      await t.platform.database.db
        .selectFrom('nanos')
        .select('favorite_count')
        .where('id', '=', nanoId)
        .executeTakeFirstOrThrow()
    ).favorite_count;

  it('anonymises the account: no login, email free again, the rating an anonymous score', async () => {
    const dora = await signedIn(t, 'consumer', { email: 'dora@example.org', displayName: 'Dora Datenreich' });
    const other = await signedIn(t, 'consumer');
    expect(
      (await dora.client.put(`/api/v1/nanos/${nanoId}/rating`, { score: 2, comment: 'Meine Meinung' }))
        .statusCode,
    ).toBe(200);
    const otherRating = (
      await other.client.put(`/api/v1/nanos/${nanoId}/rating`, { score: 4, comment: 'Gut' })
    ).json();
    expect((await dora.client.put(helpfulUrl(otherRating.id))).statusCode).toBe(200);
    expect((await dora.client.put(`/api/v1/favorites/${nanoId}`)).statusCode).toBe(200);
    expect((await dora.client.post('/api/v1/me/lists', { name: 'Doras Liste' })).statusCode).toBe(201);
    const favoritesBefore = await favoriteCount();
    const countersBefore = await nanoCounters(t, nanoId);

    const res = await admin.client.delete(userUrl(dora.user.id));
    expect(res.statusCode, res.body).toBe(204);

    expect((await dora.client.get('/api/v1/auth/me')).statusCode).toBe(401);
    const login = await dora.client.post('/api/v1/auth/login', {
      login: 'dora@example.org',
      password: dora.user.password,
    });
    expect(login.statusCode).toBe(401);

    const account = await t.platform.database.db
      .selectFrom('users')
      .select(['email', 'username', 'display_name', 'password_hash', 'status'])
      .where('id', '=', dora.user.id)
      .executeTakeFirstOrThrow();
    expect(account).toEqual({
      email: null,
      username: null,
      display_name: ERASED_DISPLAY_NAME,
      password_hash: null,
      status: 'deleted',
    });

    // The score still counts, without the comment or the person.
    expect(await nanoCounters(t, nanoId)).toEqual(countersBefore);
    const ratings = (await other.client.get(ratingsUrl(nanoId))).json().items as Array<{
      score: number;
      comment: string | null;
      author: { username: string };
      helpfulCount: number;
    }>;
    expect(ratings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          score: 2,
          comment: null,
          author: expect.objectContaining({ username: '' }),
        }),
        expect.objectContaining({ score: 4, comment: 'Gut', helpfulCount: 0 }),
      ]),
    );
    expect(await favoriteCount()).toBe(favoritesBefore - 1);
    const leftovers = await t.platform.database.db
      .selectFrom('lists')
      .select('id')
      .where('owner_id', '=', dora.user.id)
      .execute();
    expect(leftovers).toEqual([]);

    // The address can be used for a new account.
    const again = await admin.client.post(
      '/api/v1/auth/register',
      registrationBody({ email: 'dora@example.org' }),
    );
    expect(again.statusCode).toBe(201);
    const newAccount = await t.platform.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'dora@example.org')
      .executeTakeFirst();
    expect(newAccount?.id).toBeDefined();
    expect(newAccount?.id).not.toBe(dora.user.id);

    const [event] = await auditRows(t, { action: 'user.erased_by_admin', targetId: dora.user.id });
    expect(event).toMatchObject({ actorId: admin.user.id });
    expect(JSON.stringify(event?.details)).not.toMatch(/dora|Datenreich|Meinung/i);
  });

  it('keeps an erased creator\u2019s published Nano under "Gelöschter Nutzer"', async () => {
    expect((await admin.client.delete(userUrl(creator.user.id))).statusCode).toBe(204);
    const nano = await admin.client.get(`/api/v1/nanos/${nanoId}`);
    expect(nano.statusCode).toBe(200);
    expect(nano.json().creator).toMatchObject({ displayName: ERASED_DISPLAY_NAME });
    // Erasing twice is a conflict.
    expect((await admin.client.delete(userUrl(creator.user.id))).statusCode).toBe(409);
  });

  it('refuses erasing oneself and the last active admin', async () => {
    const self = await admin.client.delete(userUrl(admin.user.id));
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('admin_self_action');

    const onlyAdmin = admin.user.id;
    const deps = {
      db: t.platform.database.db,
      clock: t.clock,
      storage: t.platform.storage,
      audit: createAuditService({ db: t.platform.database.db, clock: t.clock }),
    };
    await expect(eraseAccount(deps, onlyAdmin, { mode: 'retention', by: null })).rejects.toMatchObject({
      code: 'last_admin',
    });
    expect((await admin.client.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});
