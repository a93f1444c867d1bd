import { NOTIFICATION_LIMITS } from '@nano/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  EMAIL_ITEMS_MAX,
  SEND_EMAIL_JOB,
  SEND_EMAIL_MAX_ATTEMPTS,
} from '../../src/modules/notifications/notifications.constants.ts';
import { scheduleNotificationJobs } from '../../src/modules/notifications/notifications.jobs.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import { deliverNotificationEmails, mailsTo, notify } from './notification-fixtures.ts';

const MINUTE = 60_000;
const WINDOW = NOTIFICATION_LIMITS.emailBatchMinutes * MINUTE;

describe(`batched notification emails (${testDatabaseKind})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** A user who gets every type by email (rating.received is in-app by default). */
  async function emailUser(options: Parameters<typeof createUser>[1] = {}): Promise<TestUser> {
    const user = await createUser(t, options);
    await t.platform.database.db
      .insertInto('notification_settings')
      .values({ user_id: user.id, type: 'rating.received', channel: 'email', updated_at: t.clock.now() })
      .execute();
    return user;
  }

  const rating = (nanoId: string, n: number) => ({
    nanoId,
    nanoTitle: 'Excel-Pivot in 10 Minuten',
    ratingId: crypto.randomUUID(),
    score: n,
    hasComment: n % 2 === 0,
    raterName: `Bewerterin ${n}`,
  });

  async function emailStatuses(userId: string): Promise<Array<string | null>> {
    const rows = await t.platform.database.db
      .selectFrom('notifications')
      .select('email_status')
      .where('user_id', '=', userId)
      .orderBy('created_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    return rows.map((row) => row.email_status);
  }

  it('mails the first at once, batches the next three into one email after the window, then starts again', async () => {
    const user = await emailUser();
    const nanoId = crypto.randomUUID();
    await notify(t, user.id, 'rating.received', rating(nanoId, 5));
    await deliverNotificationEmails(t);
    let mails = await mailsTo(t, user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Neue Bewertung für „Excel-Pivot in 10 Minuten“');
    expect(mails[0]?.text).toContain(
      'Bewerterin 5 hat „Excel-Pivot in 10 Minuten“ mit 5 von 5 Sternen bewertet.',
    );
    expect(mails[0]?.text).toContain(`${t.config.publicUrl}/nanos/${nanoId}#bewertungen`);
    expect(mails[0]?.text).toContain(`${t.config.publicUrl}/konto/benachrichtigungen`);

    for (const n of [1, 2, 3]) {
      t.clock.advance(4 * MINUTE);
      await notify(t, user.id, 'rating.received', rating(nanoId, n));
      await deliverNotificationEmails(t);
    }
    // 12 minutes after the first email: still inside the window.
    expect(await mailsTo(t, user.email)).toHaveLength(1);
    t.clock.advance(WINDOW - 12 * MINUTE - 1);
    await deliverNotificationEmails(t);
    expect(await mailsTo(t, user.email)).toHaveLength(1);

    t.clock.advance(1);
    await deliverNotificationEmails(t);
    mails = await mailsTo(t, user.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.subject).toBe('3 neue Benachrichtigungen: Bewertungen');
    for (const n of [1, 2, 3]) {
      expect(mails[1]?.text).toContain(
        `Bewerterin ${n} hat „Excel-Pivot in 10 Minuten“ mit ${n} von 5 Sternen`,
      );
    }
    expect(mails[1]?.text).toContain('mit 2 von 5 Sternen bewertet und einen Kommentar geschrieben.');
    expect(mails[1]?.text).toContain(`${t.config.publicUrl}/benachrichtigungen`);
    expect(await emailStatuses(user.id)).toEqual(['sent', 'sent', 'sent', 'sent']);

    // Nothing new: nothing more, however often the flush runs.
    t.clock.advance(WINDOW);
    await deliverNotificationEmails(t);
    expect(await mailsTo(t, user.email)).toHaveLength(2);

    // The window since the last email has passed, so the next one goes out at once again.
    await notify(t, user.id, 'rating.received', rating(nanoId, 4));
    await deliverNotificationEmails(t);
    expect(await mailsTo(t, user.email)).toHaveLength(3);
  });

  it('sends three notifications that arrive before the job runs as one email', async () => {
    const user = await emailUser();
    for (const n of [1, 2, 3]) {
      await notify(t, user.id, 'rating.received', rating(crypto.randomUUID(), n));
      t.clock.advance(MINUTE / 2);
    }
    await deliverNotificationEmails(t);
    const mails = await mailsTo(t, user.email);
    expect(mails.map((m) => m.subject)).toEqual(['3 neue Benachrichtigungen: Bewertungen']);
  });

  it('batches each type on its own', async () => {
    const user = await emailUser();
    const nanoId = crypto.randomUUID();
    await notify(t, user.id, 'rating.received', rating(nanoId, 4));
    await notify(t, user.id, 'rating.reply_received', {
      nanoId,
      nanoTitle: 'SQL-Joins',
      ratingId: crypto.randomUUID(),
      creatorName: 'Clara Creator',
    });
    await notify(t, user.id, 'nano.review_decision', {
      nanoId,
      title: 'SQL-Joins',
      decision: 'request_changes',
      note: 'Bitte die Beispieldaten beilegen.',
      reasons: ['Quellenangaben fehlen'],
      update: false,
    });
    await deliverNotificationEmails(t);
    const subjects = (await mailsTo(t, user.email)).map((m) => m.subject).sort();
    expect(subjects).toEqual([
      'Antwort auf Ihre Bewertung von „SQL-Joins“',
      'Bitte überarbeiten: SQL-Joins',
      'Neue Bewertung für „Excel-Pivot in 10 Minuten“',
    ]);
    const decision = (await mailsTo(t, user.email)).find((m) => m.subject.startsWith('Bitte'));
    expect(decision?.text).toContain('Die Moderation bittet um Änderungen an „SQL-Joins“.');
    expect(decision?.text).toContain('• Quellenangaben fehlen');
    expect(decision?.text).toContain('Bitte die Beispieldaten beilegen.');
    expect(decision?.text).toContain(`${t.config.publicUrl}/nanos/${nanoId}/bearbeiten`);

    // A reply within the window of ratings is not held back by it.
    t.clock.advance(MINUTE);
    await notify(t, user.id, 'flag.outcome', { nanoId, title: 'SQL-Joins' });
    await notify(t, user.id, 'rating.received', rating(nanoId, 1));
    await deliverNotificationEmails(t);
    const latest = (await mailsTo(t, user.email)).map((m) => m.subject);
    expect(latest).toHaveLength(4);
    expect(latest[3]).toBe('Ihre Meldung zu „SQL-Joins“ wurde bearbeitet');
  });

  it('stores nothing when the type is off, and no email when it is in-app only', async () => {
    const user = await createUser(t);
    const client = await signIn(t, user, { ip: '198.51.100.80' });
    await client.patch('/api/v1/me/notification-settings', {
      settings: { 'chat.message': 'off', 'nano.review_decision': 'in_app' },
    });
    await notify(t, user.id, 'chat.message', { title: 'Frage zu Excel' });
    await notify(t, user.id, 'nano.review_decision', {
      nanoId: crypto.randomUUID(),
      title: 'A',
      decision: 'approve',
    });
    // nano.status_changed is in-app by default.
    await notify(t, user.id, 'nano.status_changed', {
      nanoId: crypto.randomUUID(),
      title: 'B',
      status: 'archived',
    });
    await deliverNotificationEmails(t);

    const list = (await client.get('/api/v1/me/notifications')).json();
    expect(list.items.map((i: { type: string }) => i.type).sort()).toEqual([
      'nano.review_decision',
      'nano.status_changed',
    ]);
    expect(await emailStatuses(user.id)).toEqual([null, null]);
    expect(await mailsTo(t, user.email)).toEqual([]);
  });

  it('skips what was read in the app or moved off email before the batch went out', async () => {
    const user = await emailUser();
    const client = await signIn(t, user, { ip: '198.51.100.81' });
    await notify(t, user.id, 'rating.received', rating(crypto.randomUUID(), 3));
    await client.post('/api/v1/me/notifications/read', { all: true });
    await notify(t, user.id, 'chat.message', { title: 'Frage' });
    await client.patch('/api/v1/me/notification-settings', { settings: { 'chat.message': 'in_app' } });
    await deliverNotificationEmails(t);
    expect(await mailsTo(t, user.email)).toEqual([]);
    expect(await emailStatuses(user.id)).toEqual(['skipped', 'skipped']);
  });

  it('mails in the user’s language and only to active users with a verified address', async () => {
    const english = await emailUser();
    await t.platform.database.db
      .updateTable('users')
      .set({ locale: 'en' })
      .where('id', '=', english.id)
      .execute();
    const unverified = await emailUser({ verified: false });
    const suspended = await emailUser();
    await t.platform.database.db
      .updateTable('users')
      .set({ status: 'suspended' })
      .where('id', '=', suspended.id)
      .execute();
    for (const user of [english, unverified, suspended]) {
      await notify(t, user.id, 'rating.received', rating(crypto.randomUUID(), 5));
      await notify(t, user.id, 'data_export.ready', {});
    }
    await deliverNotificationEmails(t);

    const mails = await mailsTo(t, english.email);
    expect(mails.map((m) => m.subject).sort()).toEqual([
      'New rating for “Excel-Pivot in 10 Minuten”',
      'Your data export is ready',
    ]);
    const ratingMail = mails.find((m) => m.subject.startsWith('New rating'));
    expect(ratingMail?.text).toContain('Bewerterin 5 rated “Excel-Pivot in 10 Minuten” 5 out of 5 stars.');
    expect(ratingMail?.text).toContain('Hello ');
    expect(ratingMail?.text).toContain('Change or turn them off here');
    expect(await mailsTo(t, unverified.email)).toEqual([]);
    expect(await mailsTo(t, suspended.email)).toEqual([]);
    expect(await emailStatuses(unverified.id)).toEqual(['skipped', 'skipped']);
  });

  it('retries a failed send once without a second email, and gives up after the last attempt', async () => {
    const user = await emailUser();
    const send = vi.spyOn(t.platform.mailer, 'send').mockRejectedValueOnce(new Error('smtp down'));
    await notify(t, user.id, 'rating.received', rating(crypto.randomUUID(), 2));
    await deliverNotificationEmails(t);
    expect(send).toHaveBeenCalledTimes(1);
    expect(await mailsTo(t, user.email)).toEqual([]);
    expect(await emailStatuses(user.id)).toEqual(['pending']);

    // The flush meanwhile finds the waiting retry instead of enqueueing a second job.
    await deliverNotificationEmails(t);
    expect(send).toHaveBeenCalledTimes(1);
    t.clock.advance(MINUTE);
    await deliverNotificationEmails(t);
    expect(await mailsTo(t, user.email)).toHaveLength(1);
    // A duplicate job for the same user and type finds nothing left to send.
    await t.platform.jobs.enqueue(SEND_EMAIL_JOB, { userId: user.id, type: 'rating.received' });
    t.clock.advance(WINDOW);
    await t.platform.jobs.runDue();
    expect(await mailsTo(t, user.email)).toHaveLength(1);
    expect(await emailStatuses(user.id)).toEqual(['sent']);

    const unlucky = await emailUser();
    send.mockRejectedValue(new Error('mailbox unavailable'));
    await notify(t, unlucky.id, 'rating.received', rating(crypto.randomUUID(), 1));
    for (let attempt = 0; attempt < SEND_EMAIL_MAX_ATTEMPTS; attempt++) {
      await deliverNotificationEmails(t);
      t.clock.advance(30 * MINUTE);
    }
    expect(await emailStatuses(unlucky.id)).toEqual(['failed']);
    const callsBefore = send.mock.calls.length;
    await deliverNotificationEmails(t);
    expect(send.mock.calls.length).toBe(callsBefore);
  });

  it(`lists at most ${EMAIL_ITEMS_MAX} notifications in an email and counts the rest`, async () => {
    const user = await emailUser();
    for (let n = 0; n < EMAIL_ITEMS_MAX + 3; n++) {
      await notify(t, user.id, 'rating.received', rating(crypto.randomUUID(), (n % 5) + 1));
    }
    await deliverNotificationEmails(t);
    const [mail] = await mailsTo(t, user.email);
    expect(mail?.subject).toBe(`${EMAIL_ITEMS_MAX + 3} neue Benachrichtigungen: Bewertungen`);
    expect(mail?.text.match(/^• /gm)).toHaveLength(EMAIL_ITEMS_MAX);
    expect(mail?.text).toContain('… und 3 weitere.');
  });

  it('delivers through the minutely cron schedule', async () => {
    await scheduleNotificationJobs(t.platform);
    const user = await emailUser();
    await notify(t, user.id, 'rating.received', rating(crypto.randomUUID(), 5));
    t.clock.advance(MINUTE);
    await t.platform.jobs.runDue();
    expect(await mailsTo(t, user.email)).toHaveLength(1);
  });
});
