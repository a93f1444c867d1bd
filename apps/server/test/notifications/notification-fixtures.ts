import type { NotificationType } from '@nano/contracts';
import { FLUSH_JOB } from '../../src/modules/notifications/notifications.constants.ts';
import { createNotificationService } from '../../src/modules/notifications/notifications.service.ts';
import type { TestApp } from '../app.ts';

/**
 * Runs the notification flush now (as its minutely cron would) and every job it enqueues, so the
 * emails of every pending notification whose batch window has passed are in `mail_outbox`.
 */
export async function deliverNotificationEmails(t: TestApp): Promise<void> {
  await t.platform.jobs.enqueue(FLUSH_JOB);
  await t.platform.jobs.runDue();
}

/** Notifies a user as another module would (outside a transaction). */
export async function notify(
  t: TestApp,
  userId: string,
  type: NotificationType,
  payload: Record<string, unknown>,
): Promise<void> {
  await createNotificationService({ db: t.platform.database.db, clock: t.clock }).notify({
    userId,
    type,
    payload,
  });
}

/** The mails sent to `to`, oldest first. */
export async function mailsTo(t: TestApp, to: string): Promise<Array<{ subject: string; text: string }>> {
  const rows = await t.platform.database.db
    .selectFrom('mail_outbox')
    .select(['subject', 'text_body'])
    .where('to_address', '=', to)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map((row) => ({ subject: row.subject, text: row.text_body }));
}
