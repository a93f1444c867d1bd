import type { Role } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, TEST_PASSWORD } from '../factories.ts';
import { auditEvents, enableTwoFactor, freshClient, signInFresh } from './identity-helpers.ts';

const VERIFY_AUDIT = '/api/v1/admin/audit/verify';
const SESSIONS = '/api/v1/auth/sessions';
const ME = '/api/v1/auth/me';

describe(`route guards (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('admin only: GET /admin/audit/verify', () => {
    it('answers 401 to a guest', async () => {
      const res = await freshClient(t).get(VERIFY_AUDIT);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'unauthorized' });
    });

    it.each<Role>(['consumer', 'creator', 'moderator'])('answers 403 to a %s', async (role) => {
      const client = await signInFresh(t, await createUser(t, { role }));
      const res = await client.get(VERIFY_AUDIT);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'forbidden' });
    });

    it('answers 200 to an admin and audits the read', async () => {
      const admin = await createUser(t, { role: 'admin' });
      const client = await signInFresh(t, admin);
      const res = await client.get(VERIFY_AUDIT);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ ok: true });
      expect(await auditEvents(t, { action: 'audit.read', actorId: admin.id })).toEqual([
        expect.objectContaining({ details: { check: 'verify', ok: true }, outcome: 'success' }),
      ]);
    });
  });

  describe('password change required', () => {
    it('blocks everything but /me and the password change until the password is changed', async () => {
      const user = await createUser(t, { mustChangePassword: true });
      const client = await signInFresh(t, user);

      const blocked = await client.get(SESSIONS);
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json()).toMatchObject({ code: 'password_change_required' });
      expect((await client.post('/api/v1/me/become-creator')).json()).toMatchObject({
        code: 'password_change_required',
      });

      const me = await client.get(ME);
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ mustChangePassword: true });

      const change = await client.post('/api/v1/auth/password/change', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'Regenschirm-Laterne-58?',
      });
      expect(change.statusCode, change.body).toBe(204);
      expect((await client.get(SESSIONS)).statusCode).toBe(200);
      expect((await client.get(ME)).json()).toMatchObject({ mustChangePassword: false });
    });
  });

  describe('become creator', () => {
    it('turns a consumer into a creator and audits the role change', async () => {
      const user = await createUser(t);
      const client = await signInFresh(t, user);
      const res = await client.post('/api/v1/me/become-creator');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ id: user.id, role: 'creator' });
      expect((await client.get(ME)).json()).toMatchObject({ role: 'creator' });
      expect(await auditEvents(t, { action: 'user.role_changed', actorId: user.id })).toEqual([
        expect.objectContaining({ target_id: user.id, details: { from: 'consumer', to: 'creator' } }),
      ]);

      const again = await client.post('/api/v1/me/become-creator');
      expect(again.json()).toMatchObject({ role: 'creator' });
      expect(await auditEvents(t, { action: 'user.role_changed', actorId: user.id })).toHaveLength(1);
    });

    it('needs a signed-in user', async () => {
      expect((await freshClient(t).post('/api/v1/me/become-creator')).statusCode).toBe(401);
    });
  });
});

describe(`staff 2FA enrolment with REQUIRE_STAFF_2FA=true (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ REQUIRE_STAFF_2FA: 'true' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('blocks a moderator without 2FA until they enrol', async () => {
    const moderator = await createUser(t, { role: 'moderator' });
    const client = await signInFresh(t, moderator);

    const blocked = await client.get(SESSIONS);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'two_factor_enrollment_required' });
    const me = await client.get(ME);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ mustEnrollTwoFactor: true, twoFactorEnabled: false });

    await enableTwoFactor(t, client);
    expect((await client.get(SESSIONS)).statusCode).toBe(200);
    expect((await client.get(ME)).json()).toMatchObject({
      mustEnrollTwoFactor: false,
      twoFactorEnabled: true,
    });
  });

  it('does not ask consumers to enrol', async () => {
    const client = await signInFresh(t, await createUser(t));
    expect((await client.get(SESSIONS)).statusCode).toBe(200);
  });

  it('keeps an enrolled admin from switching 2FA off', async () => {
    const admin = await createUser(t, { role: 'admin' });
    const client = await signInFresh(t, admin);
    await enableTwoFactor(t, client);
    const res = await client.post('/api/v1/auth/2fa/disable', { password: TEST_PASSWORD, code: '123456' });
    expect(res.statusCode).toBe(403);
    expect((await client.get(ME)).json()).toMatchObject({ twoFactorEnabled: true });
  });
});
