import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { deliverNotificationEmails, mailsTo } from '../notifications/notification-fixtures.ts';
import { auditRows, type Signed, signedIn } from './admin-fixtures.ts';

const userUrl = (id: string, action = '') => `/api/v1/admin/users/${id}${action}`;
const STATEMENT =
  'Mehrere gemeldete Kommentare dieses Kontos beleidigen andere Nutzer; wir haben sie geprüft.';

describe(`admin: warn, suspend, unsuspend and the user detail (${testDatabaseKind})`, () => {
  let t: TestApp;
  let admin: Signed;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await signedIn(t, 'admin', { username: 'chefin' });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('warns with a statement of reasons that is stored, shown in the detail and mailed', async () => {
    const eva = await signedIn(t, 'creator');
    const res = await admin.client.post(userUrl(eva.user.id, '/warn'), {
      reasons: ['harassment'],
      statement: STATEMENT,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: eva.user.id, status: 'active' });

    const detail = (await admin.client.get(userUrl(eva.user.id))).json();
    expect(detail.counts).toMatchObject({ warnings: 1, nanos: 0, ratings: 0, flagsAgainst: 0 });
    expect(detail.decisions).toEqual([
      expect.objectContaining({
        targetType: 'user',
        targetId: eva.user.id,
        action: 'warn',
        source: 'admin',
        reasons: ['harassment'],
        statement: STATEMENT,
        automated: false,
      }),
    ]);
    expect(detail.recentAudit).toEqual([
      expect.objectContaining({ action: 'user.warned', actor: 'chefin', outcome: 'success' }),
    ]);
    expect(await auditRows(t, { action: 'user.warned', targetId: eva.user.id })).toEqual([
      expect.objectContaining({
        actorId: admin.user.id,
        details: { decisionId: detail.decisions[0].id, reasons: ['harassment'] },
      }),
    ]);

    await deliverNotificationEmails(t);
    const mails = await mailsTo(t, eva.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(STATEMENT);
  });

  it('suspends: the user is signed out at once, the decision stored and the change audited', async () => {
    const finn = await signedIn(t, 'consumer');
    expect((await finn.client.get('/api/v1/auth/me')).statusCode).toBe(200);
    const until = new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString();
    const res = await admin.client.post(userUrl(finn.user.id, '/suspend'), {
      until,
      reasons: ['spam'],
      statement: STATEMENT,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'suspended', suspendedUntil: until });
    expect((await finn.client.get('/api/v1/auth/me')).statusCode).toBe(401);
    const login = await finn.client.post('/api/v1/auth/login', {
      login: finn.user.username,
      password: finn.user.password,
    });
    expect(login.statusCode).toBe(403);

    const detail = (await admin.client.get(userUrl(finn.user.id))).json();
    expect(detail.decisions[0]).toMatchObject({ action: 'suspend', source: 'admin', statement: STATEMENT });
    // The statement of reasons is a notification of the user (in the app once the suspension ends).
    const notices = await t.platform.database.db
      .selectFrom('notifications')
      .select(['type', 'payload'])
      .where('user_id', '=', finn.user.id)
      .execute();
    expect(notices).toEqual([
      expect.objectContaining({
        type: 'moderation.decision',
        payload: expect.objectContaining({ statement: STATEMENT }),
      }),
    ]);
    const [event] = await auditRows(t, { action: 'user.suspended', targetId: finn.user.id });
    expect(event?.details).toMatchObject({
      before: { status: 'active', suspendedUntil: null },
      after: { status: 'suspended', suspendedUntil: until },
      reasons: ['spam'],
    });

    const lifted = await admin.client.post(userUrl(finn.user.id, '/unsuspend'), {
      note: 'Einspruch berechtigt',
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json()).toMatchObject({ status: 'active', suspendedUntil: null });
    const [unsuspended] = await auditRows(t, { action: 'user.unsuspended', targetId: finn.user.id });
    expect(unsuspended?.details).toMatchObject({
      before: { status: 'suspended', suspendedUntil: until },
      after: { status: 'active', suspendedUntil: null },
      note: 'Einspruch berechtigt',
    });
    const again = await admin.client.post(userUrl(finn.user.id, '/unsuspend'), {});
    expect(again.statusCode).toBe(409);
    expect(
      (
        await finn.client.post('/api/v1/auth/login', {
          login: finn.user.username,
          password: finn.user.password,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('refuses a suspension ending in the past, of oneself, without reasons, or of an unknown user', async () => {
    const gabi = await signedIn(t, 'consumer');
    const past = await admin.client.post(userUrl(gabi.user.id, '/suspend'), {
      until: new Date(t.clock.now().getTime() - 1000).toISOString(),
      reasons: ['spam'],
      statement: STATEMENT,
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0]).toMatchObject({ field: 'body.until', code: 'suspend_until_past' });
    const self = await admin.client.post(userUrl(admin.user.id, '/suspend'), {
      reasons: ['spam'],
      statement: STATEMENT,
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('admin_self_action');
    const noReasons = await admin.client.post(userUrl(gabi.user.id, '/warn'), {
      reasons: [],
      statement: STATEMENT,
    });
    expect(noReasons.statusCode).toBe(400);
    const unknown = await admin.client.post(userUrl('0190a0a0-0000-7000-8000-000000000000', '/warn'), {
      reasons: ['spam'],
      statement: STATEMENT,
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('suspends indefinitely when no end is given', async () => {
    const hans = await signedIn(t, 'creator');
    const res = await admin.client.post(userUrl(hans.user.id, '/suspend'), {
      reasons: ['illegal'],
      statement: STATEMENT,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'suspended', suspendedUntil: null });
  });
});
