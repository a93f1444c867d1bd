import type { Platform } from '../../platform/index.ts';
import { FLUSH_CRON, FLUSH_JOB, SEND_EMAIL_JOB, SEND_EMAIL_MAX_ATTEMPTS } from './notifications.constants.ts';
import {
  flushPendingEmails,
  type NotificationMailDeps,
  type SendEmailPayload,
  sendEmailBatch,
} from './notifications.mailing.ts';

function mailDeps(platform: Platform, publicUrl: string): NotificationMailDeps {
  return {
    db: platform.database.db,
    clock: platform.clock,
    mailer: platform.mailer,
    jobs: platform.jobs,
    publicUrl,
  };
}

/** Registers the batched notification emails: the minutely flush and the per-user-and-type send. */
export function registerNotificationJobs(platform: Platform, config: { publicUrl: string }): void {
  const deps = mailDeps(platform, config.publicUrl);
  // A failed flush is not retried: the next minute's run does the same work.
  platform.jobs.register(
    FLUSH_JOB,
    async () => {
      await flushPendingEmails(deps);
    },
    { maxAttempts: 1 },
  );
  platform.jobs.register<SendEmailPayload>(
    SEND_EMAIL_JOB,
    async (payload, context) => {
      await sendEmailBatch(deps, payload, { number: context.attempt, max: SEND_EMAIL_MAX_ATTEMPTS });
    },
    { maxAttempts: SEND_EMAIL_MAX_ATTEMPTS },
  );
}

/** Creates the flush's cron schedule (idempotent; called at every start by `scheduleJobs`). */
export async function scheduleNotificationJobs(platform: Platform): Promise<void> {
  await platform.jobs.schedule(FLUSH_JOB, FLUSH_CRON);
}
