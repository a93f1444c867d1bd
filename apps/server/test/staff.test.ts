import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditService } from '../src/modules/audit/audit.service.ts';
import { totpNow } from '../src/modules/identity/crypto/totp.ts';
import { createIdentityDeps } from '../src/modules/identity/identity.module.ts';
import { AccountExistsError, createStaffAccount } from '../src/modules/identity/staff.service.ts';
import { buildTestApp, type TestApp } from './app.ts';
import { TestClient } from './http-client.ts';

describe('staff accounts created from the command line', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ REQUIRE_STAFF_2FA: 'true' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('must change the one-time password, then enrol in 2FA, before anything else', async () => {
    const deps = createIdentityDeps(
      t.config,
      t.platform,
      createAuditService({ db: t.platform.database.db, clock: t.clock }),
    );
    const { oneTimePassword } = await createStaffAccount(deps, {
      email: 'Chefin@Example.org',
      username: 'chefin',
      displayName: 'Die Chefin',
      role: 'admin',
    });
    await expect(
      createStaffAccount(deps, {
        email: 'chefin@example.org',
        username: 'other',
        displayName: 'x',
        role: 'admin',
      }),
    ).rejects.toBeInstanceOf(AccountExistsError);

    const c = new TestClient(t.app);
    const login = await c.post('/api/v1/auth/login', {
      login: 'chefin@example.org',
      password: oneTimePassword,
    });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json().user).toMatchObject({
      role: 'admin',
      mustChangePassword: true,
      mustEnrollTwoFactor: true,
    });
    expect((await c.get('/api/v1/admin/audit/verify')).json().code).toBe('password_change_required');

    const changed = await c.post('/api/v1/auth/password/change', {
      currentPassword: oneTimePassword,
      newPassword: 'Leitstand-Morgenrot-42!',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await c.get('/api/v1/admin/audit/verify')).json().code).toBe('two_factor_enrollment_required');

    const setup = await c.post('/api/v1/auth/2fa/setup');
    expect(setup.statusCode).toBe(200);
    const enable = await c.post('/api/v1/auth/2fa/enable', {
      code: totpNow(setup.json().secret, t.clock.now()),
    });
    expect(enable.statusCode, enable.body).toBe(200);
    const verify = await c.get('/api/v1/admin/audit/verify');
    expect(verify.statusCode, verify.body).toBe(200);
    expect(verify.json().ok).toBe(true);
  });
});
