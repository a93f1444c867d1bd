import { MODERATION_LIMITS, moderationDecisionPageSchema, moderationDecisionSchema } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionsAbout, recordDecision } from '../../src/modules/moderation/decisions.service.ts';
import { createNotificationService } from '../../src/modules/notifications/notifications.service.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn } from '../factories.ts';
import { deliverNotificationEmails, mailsTo } from '../notifications/notification-fixtures.ts';

const DAY = 24 * 60 * 60 * 1000;

describe(`statements of reasons (${testDatabaseKind})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  function deps() {
    return {
      clock: t.clock,
      notifications: createNotificationService({ db: t.platform.database.db, clock: t.clock }),
    };
  }

  it('stores a restricting decision with a 14-day appeal period and mails the statement of reasons', async () => {
    const creator = await createUser(t, { role: 'creator' });
    const moderator = await createUser(t, { role: 'moderator' });
    const nanoId = crypto.randomUUID();
    const decision = await t.platform.database.db.transaction().execute((trx) =>
      recordDecision(trx, deps(), {
        targetType: 'nano',
        targetId: nanoId,
        targetLabel: 'Bruchrechnen für Einsteiger',
        affectedUserId: creator.id,
        action: 'hide',
        source: 'flag',
        reasons: ['copyright', 'privacy'],
        statement: 'Die Arbeitsblätter stammen aus einem Schulbuch des Verlags X.',
        decidedBy: moderator.id,
        nanoId,
      }),
    );
    expect(moderationDecisionSchema.parse(decision)).toEqual(decision);
    expect(decision).toMatchObject({
      action: 'hide',
      automated: false,
      appeal: null,
      reasons: ['copyright', 'privacy'],
    });
    expect(new Date(decision.appealableUntil ?? 0).getTime() - new Date(decision.decidedAt).getTime()).toBe(
      MODERATION_LIMITS.appealDays * DAY,
    );

    // The notification is a mandatory email even for a user who turned the type off.
    await deliverNotificationEmails(t);
    const mails = await mailsTo(t, creator.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.subject).toBe(
      'Entscheidung der Moderation: Ihr Nano „Bruchrechnen für Einsteiger“ wurde ausgeblendet',
    );
    expect(mail?.text).toContain('Urheberrecht: Inhalte dürfen nur veröffentlicht werden');
    expect(mail?.text).toContain('Datenschutz: Personenbezogene Daten Dritter');
    expect(mail?.text).toContain(
      'Sachverhalt: Die Arbeitsblätter stammen aus einem Schulbuch des Verlags X.',
    );
    expect(mail?.text).toContain('automatisierte Mittel wurden nicht eingesetzt');
    expect(mail?.text).toContain(`${t.config.publicUrl}/meine-entscheidungen`);
    expect(mail?.text).toContain('einmal Widerspruch einlegen');
    expect(mail?.text).toContain('rechtlich vorgeschriebene Mitteilung');
  });

  it('says in English when automated means decided, and does not notify for decisions that restrict nothing', async () => {
    const creator = await createUser(t, { role: 'creator' });
    await t.platform.database.db
      .updateTable('users')
      .set({ locale: 'en' })
      .where('id', '=', creator.id)
      .execute();
    const db = t.platform.database.db;
    const none = await recordDecision(db, deps(), {
      targetType: 'nano',
      targetId: crypto.randomUUID(),
      targetLabel: 'Approved',
      affectedUserId: creator.id,
      action: 'approve',
      source: 'review',
      reasons: [],
      statement: '',
      decidedBy: null,
    });
    expect(none.appealableUntil).toBeNull();
    await recordDecision(db, deps(), {
      targetType: 'message',
      targetId: crypto.randomUUID(),
      targetLabel: 'x'.repeat(400),
      affectedUserId: creator.id,
      action: 'delete',
      source: 'flag',
      reasons: ['spam'],
      statement: 'Advertising links.',
      automated: true,
      decidedBy: null,
    });
    await deliverNotificationEmails(t);
    const mails = await mailsTo(t, creator.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain('Automated means were used');
    expect(mails[0]?.text).toContain('Spam and advertising: Unsolicited advertising');
    expect(mails[0]?.text).toContain('You may appeal once until');
    const about = await decisionsAbout(db, { userId: creator.id });
    expect(about.map((d) => d.action)).toEqual(['delete', 'approve']);
    expect(about[0]?.targetLabel).toHaveLength(300);
  });

  it('lists the caller’s own decisions and shows one only to the affected user and staff', async () => {
    const creator = await createUser(t, { role: 'creator' });
    const other = await createUser(t);
    const moderator = await createUser(t, { role: 'moderator' });
    const db = t.platform.database.db;
    const first = await recordDecision(db, deps(), {
      targetType: 'user',
      targetId: creator.id,
      targetLabel: creator.displayName,
      affectedUserId: creator.id,
      action: 'warn',
      source: 'admin',
      reasons: ['harassment'],
      statement: 'Beleidigende Kommentare.',
      decidedBy: moderator.id,
    });
    t.clock.advance(1000);
    const second = await recordDecision(db, deps(), {
      targetType: 'user',
      targetId: creator.id,
      targetLabel: creator.displayName,
      affectedUserId: creator.id,
      action: 'suspend',
      source: 'admin',
      reasons: ['harassment'],
      statement: 'Wiederholt.',
      decidedBy: moderator.id,
    });

    const mine = await (await signIn(t, creator)).get('/api/v1/me/moderation-decisions?pageSize=1');
    expect(mine.statusCode).toBe(200);
    const page = moderationDecisionPageSchema.parse(mine.json());
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page.items.map((d) => d.id)).toEqual([second.id]);

    expect((await (await signIn(t, creator)).get(`/api/v1/moderation-decisions/${first.id}`)).json()).toEqual(
      first,
    );
    expect(
      (await (await signIn(t, moderator)).get(`/api/v1/moderation-decisions/${first.id}`)).statusCode,
    ).toBe(200);
    expect((await (await signIn(t, other)).get(`/api/v1/moderation-decisions/${first.id}`)).statusCode).toBe(
      404,
    );
    expect((await (await signIn(t, other)).get('/api/v1/me/moderation-decisions')).json()).toMatchObject({
      total: 0,
    });
  });
});
