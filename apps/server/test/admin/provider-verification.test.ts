import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { auditRows, type Signed, signedIn } from './admin-fixtures.ts';

const verifyUrl = (id: string) => `/api/v1/admin/users/${id}/verify-provider`;

describe(`admin: provider verification (${testDatabaseKind})`, () => {
  let t: TestApp;
  let admin: Signed;
  let provider: Signed;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await signedIn(t, 'admin', { username: 'pruefer' });
    provider = await signedIn(t, 'creator', { username: 'akademie-nord' });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const publicProfile = async () => (await provider.client.get('/api/v1/users/akademie-nord')).json();

  it('grants the badge: the public profile shows it and the detail names the register number', async () => {
    expect((await publicProfile()).verified).toBe(false);
    const res = await admin.client.post(verifyUrl(provider.user.id), {
      registerNumber: 'HRB 12345 Hamburg',
      note: 'Handelsregister geprüft',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().verifiedProvider).toBe(true);
    expect((await publicProfile()).verified).toBe(true);

    const detail = (await admin.client.get(`/api/v1/admin/users/${provider.user.id}`)).json();
    expect(detail.providerVerification).toEqual({
      registerNumber: 'HRB 12345 Hamburg',
      note: 'Handelsregister geprüft',
      verifiedAt: t.clock.now().toISOString(),
      verifiedBy: 'pruefer',
    });
    const listed = (await admin.client.get('/api/v1/admin/users?q=akademie')).json().items[0];
    expect(listed.verifiedProvider).toBe(true);
  });

  it('audits every change with before and after values', async () => {
    await admin.client.post(verifyUrl(provider.user.id), { registerNumber: 'HRB 99999 Hamburg' });
    expect((await admin.client.delete(verifyUrl(provider.user.id))).statusCode).toBe(200);
    expect((await publicProfile()).verified).toBe(false);
    // Revoking again changes nothing and audits nothing.
    expect((await admin.client.delete(verifyUrl(provider.user.id))).json().verifiedProvider).toBe(false);

    const events = await auditRows(t, { targetId: provider.user.id });
    expect(events.map((event) => [event.action, event.details])).toEqual([
      [
        'user.provider_verified',
        { before: null, after: { registerNumber: 'HRB 12345 Hamburg', note: 'Handelsregister geprüft' } },
      ],
      [
        'user.provider_verified',
        {
          before: { registerNumber: 'HRB 12345 Hamburg', note: 'Handelsregister geprüft' },
          after: { registerNumber: 'HRB 99999 Hamburg', note: '' },
        },
      ],
      [
        'user.provider_verification_revoked',
        { before: { registerNumber: 'HRB 99999 Hamburg', note: '' }, after: null },
      ],
    ]);
  });

  it('refuses a register number that is too short', async () => {
    const res = await admin.client.post(verifyUrl(provider.user.id), { registerNumber: 'X' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('body.registerNumber');
  });
});
