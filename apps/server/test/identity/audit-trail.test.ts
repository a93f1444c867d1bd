import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, lastMailTo } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { auditEvents, registrationBody, signInFresh } from './identity-helpers.ts';

const VERIFY_AUDIT = '/api/v1/admin/audit/verify';

describe(`audit trail of account events (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('records register, verify, login, failed login and logout without secrets, with anonymised IPs', async () => {
    const body = registrationBody({ password: 'Leuchtturm-Moewe-Nordsee-31!' });
    const browser = new TestClient(t.app, { ip: '203.0.113.77' });
    const intruder = new TestClient(t.app, { ip: '2001:db8:abcd:12::1' });

    expect((await browser.post('/api/v1/auth/register', body)).statusCode).toBe(201);
    const token = (await lastMailTo(t, String(body.email))).link?.searchParams.get('token') ?? '';
    expect((await browser.post('/api/v1/auth/verify-email', { token })).statusCode).toBe(200);
    expect(
      (await browser.post('/api/v1/auth/login', { login: body.username, password: body.password }))
        .statusCode,
    ).toBe(200);
    const secrets = [String(body.password), token, browser.cookie('nm_access'), browser.cookie('nm_refresh')];
    const wrongPassword = 'Geraten-Aber-Falsch-2026?';
    expect(
      (await intruder.post('/api/v1/auth/login', { login: body.username, password: wrongPassword }))
        .statusCode,
    ).toBe(401);
    expect((await browser.post('/api/v1/auth/logout')).statusCode).toBe(204);

    const userId = (
      await t.platform.database.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', String(body.username))
        .executeTakeFirstOrThrow()
    ).id;
    const events = await auditEvents(t, { actorId: userId });
    expect(events.map((e) => [e.action, e.outcome, e.ip])).toEqual([
      ['auth.register', 'success', '203.0.113.0'],
      ['auth.email_verified', 'success', '203.0.113.0'],
      ['auth.login.success', 'success', '203.0.113.0'],
      ['auth.login.failure', 'failure', '2001:db8:abcd::'],
      ['auth.logout', 'success', '203.0.113.0'],
    ]);
    expect(events[0]?.details).toMatchObject({
      termsVersion: expect.any(Number),
      privacyVersion: expect.any(Number),
    });

    const stored = JSON.stringify(
      await t.platform.database.db.selectFrom('audit_events').selectAll().execute(),
    );
    for (const secret of [...secrets, wrongPassword]) {
      expect(secret).toBeTruthy();
      expect(stored).not.toContain(secret);
    }
    expect(stored).not.toContain('203.0.113.77');
    expect(stored).not.toContain('2001:db8:abcd:12::1');
  });

  it('lets an admin verify the chain, and reports the first tampered event', async () => {
    const admin = await signInFresh(t, await createUser(t, { role: 'admin' }));
    const intact = await admin.get(VERIFY_AUDIT);
    expect(intact.statusCode, intact.body).toBe(200);
    expect(intact.json()).toMatchObject({ ok: true, checked: expect.any(Number) });
    expect(intact.json<{ checked: number }>().checked).toBeGreaterThanOrEqual(6);

    await sql`update audit_events set details = '{"x":1}'::jsonb where seq = 2`.execute(
      t.platform.database.db,
    );

    const broken = await admin.get(VERIFY_AUDIT);
    expect(broken.statusCode).toBe(200);
    expect(broken.json()).toMatchObject({ ok: false, brokenAtSeq: 2, checked: 1 });
  });
});
