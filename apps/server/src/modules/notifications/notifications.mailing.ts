import type { NotificationType } from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { JobQueue } from '../../platform/jobs.ts';
import type { Mailer } from '../../platform/mail.ts';
import { hasConsent } from '../privacy/consents.service.ts';
import {
  EMAIL_BATCH_WINDOW_MS,
  EMAIL_ITEMS_MAX,
  EMAIL_PENDING_MAX,
  FLUSH_GROUPS_MAX,
  MANDATORY_EMAIL_TYPES,
  REQUESTED_EMAIL_TYPES,
  SEND_EMAIL_JOB,
} from './notifications.constants.ts';
import { renderNotificationMail } from './notifications.emails.ts';
import * as repo from './notifications.repository.ts';
import { effectiveChannel } from './notifications.service.ts';

export interface NotificationMailDeps {
  db: Kysely<Database>;
  clock: Clock;
  mailer: Mailer;
  jobs: JobQueue;
  publicUrl: string;
}

/** What {@link SEND_EMAIL_JOB} gets: one user and one type. */
export interface SendEmailPayload {
  userId: string;
  type: string;
}

/** One job per user and type: while it waits or runs, enqueueing it again returns it. */
export const sendEmailKey = (payload: SendEmailPayload) => `${payload.userId}:${payload.type}`;

/**
 * Job `notifications.flush` (every minute): enqueues one email job for every user and type with
 * pending notifications whose batch window has passed. `notify` cannot enqueue the job itself,
 * because it runs inside the caller's transaction and the queue writes outside it; so this sweep is
 * what delivers every pending email, and nothing pending is left behind.
 */
export async function flushPendingEmails(deps: NotificationMailDeps): Promise<number> {
  const windowStart = new Date(deps.clock.now().getTime() - EMAIL_BATCH_WINDOW_MS);
  const groups = await repo.dueEmailGroups(deps.db, windowStart, FLUSH_GROUPS_MAX);
  for (const group of groups) {
    const payload: SendEmailPayload = { userId: group.user_id, type: group.type };
    await deps.jobs.enqueue(SEND_EMAIL_JOB, payload, { singletonKey: sendEmailKey(payload) });
  }
  return groups.length;
}

/**
 * Job `notifications.send_email`: one email with the user's pending notifications of one type,
 * at most one per {@link EMAIL_BATCH_WINDOW_MS}. Notifications already read in the app, or whose
 * type the user has since moved off email, those of users without an active account and a
 * verified address, and (except {@link MANDATORY_EMAIL_TYPES}) those of users who have not
 * consented to notification emails are settled as `skipped` instead.
 *
 * Delivery is at least once: the notifications are marked `sent` (and the window started) in one
 * transaction after the mail went out. A failed send marks nothing, so the retry sends the same
 * batch once; only a crash between the send and that transaction repeats an email. After the last
 * attempt the batch is marked `failed`, so it is not retried forever.
 */
export async function sendEmailBatch(
  deps: NotificationMailDeps,
  payload: SendEmailPayload,
  attempt: { number: number; max: number },
): Promise<'sent' | 'skipped' | 'waiting' | 'nothing'> {
  const { userId, type } = payload;
  const now = deps.clock.now();
  const last = await repo.lastEmailAt(deps.db, userId, type);
  if (last && now.getTime() - last.getTime() < EMAIL_BATCH_WINDOW_MS) {
    // Too early: the flush enqueues this user and type again once the window has passed.
    return 'waiting';
  }
  const rows = await repo.pendingEmails(deps.db, userId, type, EMAIL_PENDING_MAX);
  if (rows.length === 0) {
    return 'nothing';
  }
  const recipient = await repo.emailRecipient(
    deps.db,
    userId,
    MANDATORY_EMAIL_TYPES.has(type as NotificationType),
  );
  const channel = effectiveChannel(type, await repo.chosenChannel(deps.db, userId, type));
  // Mandatory emails (legal notices) and requested ones (an export) need no consent; all others are opt-in (SPEC §4.7).
  const consented =
    MANDATORY_EMAIL_TYPES.has(type as NotificationType) ||
    REQUESTED_EMAIL_TYPES.has(type as NotificationType) ||
    (await hasConsent(deps.db, userId, 'notification_email'));
  const unread = rows.filter((row) => row.read_at === null);
  const read = rows.filter((row) => row.read_at !== null).map((row) => row.id);
  if (!recipient || channel !== 'email' || !consented || unread.length === 0) {
    await repo.settleEmails(
      deps.db,
      rows.map((row) => row.id),
      'skipped',
      now,
    );
    return 'skipped';
  }
  const mail = renderNotificationMail(recipient.locale, {
    name: recipient.displayName,
    type,
    payloads: unread.slice(0, EMAIL_ITEMS_MAX).map((row) => (row.payload ?? {}) as Record<string, unknown>),
    total: unread.length,
    publicUrl: deps.publicUrl,
  });
  const ids = unread.map((row) => row.id);
  try {
    await deps.mailer.send({ to: recipient.email, ...mail });
  } catch (error) {
    if (attempt.number >= attempt.max) {
      await repo.settleEmails(deps.db, ids, 'failed', now);
    }
    throw error;
  }
  await deps.db.transaction().execute(async (trx) => {
    await repo.settleEmails(trx, ids, 'sent', now);
    await repo.settleEmails(trx, read, 'skipped', now);
    await repo.recordEmailSent(trx, userId, type, now);
  });
  return 'sent';
}
