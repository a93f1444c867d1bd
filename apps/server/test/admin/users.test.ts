import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditService } from '../../src/modules/audit/audit.service.ts';
import { changeUserRole } from '../../src/modules/identity/admin-users.service.ts';
import { createNotificationService } from '../../src/modules/notifications/notifications.service.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser } from '../factories.ts';
import { auditRows, type Signed, signedIn } from './admin-fixtures.ts';

const USERS = '/api/v1/admin/users';
const userUrl = (id: string, action = '') => `${USERS}/${id}${action}`;

describe(`admin: users (${testDatabaseKind})`, () => {
  let t: TestApp;
  let admin: Signed;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await signedIn(t, 'admin', { username: 'chefin', displayName: 'Chefin Admin' });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  describe('the users table', () => {
    let anna: string;
    let percent: string;
    let underscore: string;
    beforeAll(async () => {
      anna = (
        await createUser(t, {
          username: 'anna-schmidt',
          displayName: 'Anna Schmidt',
          email: 'anna.schmidt@firma.example',
          role: 'creator',
        })
      ).id;
      percent = (await createUser(t, { username: 'hundert', displayName: '100% Praxis' })).id;
      underscore = (await createUser(t, { username: 'a_b', displayName: 'Unter Strich' })).id;
      await createUser(t, { username: 'axb', displayName: 'Ohne Strich' });
      await t.platform.database.db
        .updateTable('users')
        .set({ status: 'suspended' })
        .where('id', '=', percent)
        .execute();
    });

    const ids = async (query: string) => {
      const res = await admin.client.get(`${USERS}?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as Array<{ id: string }>).map((item) => item.id);
    };

    it('searches username, display name and email case-insensitively', async () => {
      expect(await ids('q=SCHMIDT')).toEqual([anna]);
      expect(await ids('q=firma.EXAMPLE')).toEqual([anna]);
      expect(await ids('q=anna-s')).toEqual([anna]);
    });

    it('matches % and _ literally', async () => {
      expect(await ids(`q=${encodeURIComponent('0%')}`)).toEqual([percent]);
      expect(await ids('q=a_b')).toEqual([underscore]);
    });

    it('filters by role and status and pages newest first', async () => {
      expect(await ids('role=creator&q=firma')).toEqual([anna]);
      expect(await ids('status=suspended')).toEqual([percent]);
      const page = await admin.client.get(`${USERS}?pageSize=2&page=1`);
      expect(page.json()).toMatchObject({ page: 1, pageSize: 2 });
      expect(page.json().total).toBeGreaterThanOrEqual(5);
      expect(page.json().items).toHaveLength(2);
      const row = (await admin.client.get(`${USERS}?q=anna`)).json().items[0];
      expect(row).toMatchObject({
        username: 'anna-schmidt',
        displayName: 'Anna Schmidt',
        email: 'anna.schmidt@firma.example',
        role: 'creator',
        status: 'active',
        emailVerified: true,
        twoFactorEnabled: false,
        verifiedProvider: false,
        suspendedUntil: null,
      });
    });

    it('refuses an unknown role or a too long query with a field error', async () => {
      const res = await admin.client.get(`${USERS}?role=king&q=${'x'.repeat(101)}`);
      expect(res.statusCode).toBe(400);
      expect(
        res
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
      ).toEqual(['query.q', 'query.role']);
    });
  });
});

describe(`admin: roles and the last admin (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const activeAdmins = async () =>
    (
      await t.platform.database.db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'admin')
        .where('status', '=', 'active')
        .execute()
    ).map((row) => row.id);

  it('refuses changing the own role', async () => {
    const admin = await signedIn(t, 'admin');
    const res = await admin.client.patch(userUrl(admin.user.id), { role: 'consumer' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('admin_own_role');
    await t.platform.database.db
      .updateTable('users')
      .set({ role: 'creator' })
      .where('id', '=', admin.user.id)
      .execute();
  });

  it('changes a role at once for the open session and audits before and after', async () => {
    const admin = await signedIn(t, 'admin');
    const carla = await signedIn(t, 'consumer');
    expect((await carla.client.get('/api/v1/moderation/queue')).statusCode).toBe(403);
    const res = await admin.client.patch(userUrl(carla.user.id), { role: 'moderator' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: carla.user.id, role: 'moderator' });
    expect((await carla.client.get('/api/v1/moderation/queue')).statusCode).toBe(200);
    expect(await auditRows(t, { action: 'user.role_changed', targetId: carla.user.id })).toEqual([
      {
        action: 'user.role_changed',
        actorId: admin.user.id,
        targetId: carla.user.id,
        details: { before: { role: 'consumer' }, after: { role: 'moderator' } },
      },
    ]);
    // Setting the same role again changes nothing and audits nothing.
    expect((await admin.client.patch(userUrl(carla.user.id), { role: 'moderator' })).statusCode).toBe(200);
    expect(await auditRows(t, { action: 'user.role_changed', targetId: carla.user.id })).toHaveLength(1);
    await t.platform.database.db
      .updateTable('users')
      .set({ role: 'creator' })
      .where('id', '=', admin.user.id)
      .execute();
  });

  it('lets only one of two admins demoting each other at the same moment succeed', async () => {
    expect(await activeAdmins()).toEqual([]);
    const ada = await signedIn(t, 'admin');
    const ben = await signedIn(t, 'admin');
    const results = await Promise.all([
      ada.client.patch(userUrl(ben.user.id), { role: 'creator' }),
      ben.client.patch(userUrl(ada.user.id), { role: 'creator' }),
    ]);
    const statuses = results.map((res) => res.statusCode).sort();
    expect(statuses[0]).toBe(200);
    // The loser either finds the other as the last admin (409) or is no admin any more (403).
    expect([403, 409]).toContain(statuses[1]);
    expect(await activeAdmins()).toHaveLength(1);
  });

  it('answers 409 last_admin to a demotion authorised just before the only other admin was demoted', async () => {
    const [survivor] = await activeAdmins();
    const loser = await createUser(t, { role: 'creator' });
    // The loser's request passed the role guard a moment ago; meanwhile they lost the admin role.
    await expect(
      changeUserRole(
        adminDeps(t),
        { userId: loser.id, ip: '203.0.113.1', userAgent: null },
        survivor ?? '',
        'creator',
      ),
    ).rejects.toMatchObject({ code: 'last_admin', status: 409 });
    expect(await activeAdmins()).toEqual([survivor]);
  });
});

function adminDeps(t: TestApp) {
  return {
    db: t.platform.database.db,
    clock: t.clock,
    audit: createAuditService({ db: t.platform.database.db, clock: t.clock }),
    notifications: createNotificationService({ db: t.platform.database.db, clock: t.clock }),
    storage: t.platform.storage,
  };
}
