import type { AppConfig } from '../../config.ts';
import type { Platform } from '../../platform/index.ts';
import { createAuditService } from '../audit/audit.service.ts';
import { createLiveNotificationService } from '../notifications/notifications.service.ts';
import type { RealtimeHub } from '../realtime/realtime.types.ts';
import { renderComplainantMail } from './takedowns.emails.ts';
import {
  expireOverdueTakedowns,
  type OutcomeMailPayload,
  TAKEDOWN_OUTCOME_MAIL_JOB,
} from './takedowns.outcomes.ts';
import * as repo from './takedowns.repository.ts';
import type { TakedownDeps } from './takedowns.service.ts';

/** The job that archives Nanos whose creators did not answer a takedown notice in time. */
export const TAKEDOWN_DEADLINES_JOB = 'moderation.takedown_deadlines';
/** Every 5 minutes: a Nano is archived at most about 5 minutes after its 48 h passed. */
export const TAKEDOWN_DEADLINES_CRON = '*/5 * * * *';

/** Mails a complainant the outcome of their notice, in the language they wrote it in. */
export async function sendOutcomeMail(
  deps: Pick<TakedownDeps, 'db' | 'mailer'>,
  payload: OutcomeMailPayload,
): Promise<void> {
  const notice = await repo.findListedNotice(deps.db, payload.noticeId);
  if (!notice) {
    return;
  }
  const base = { name: notice.complainant_name, nanoTitle: notice.nano_title };
  const mail =
    payload.outcome === 'expired'
      ? renderComplainantMail(notice.locale, { kind: 'expired', ...base })
      : renderComplainantMail(notice.locale, {
          kind: payload.outcome,
          ...base,
          statement: payload.statement ?? '',
        });
  await deps.mailer.send({ to: notice.complainant_email, ...mail });
}

/**
 * Registers the takedown jobs: the deadline job and the complainant's outcome email. `serve` and
 * `worker` both call this (through jobs.ts); `realtime` is the hub of a serving process (the
 * creator's bell updates at once), a separate worker passes none.
 */
export function registerTakedownJobs(
  platform: Platform,
  config: Pick<AppConfig, 'publicUrl'>,
  realtime?: Pick<RealtimeHub, 'publishToUser'>,
): void {
  const db = platform.database.db;
  const deps: TakedownDeps = {
    db,
    clock: platform.clock,
    cache: platform.cache,
    mailer: platform.mailer,
    jobs: platform.jobs,
    audit: createAuditService({ db, clock: platform.clock }),
    notifications: createLiveNotificationService({ db, clock: platform.clock }, realtime),
    publicUrl: config.publicUrl,
  };
  platform.jobs.register(
    TAKEDOWN_DEADLINES_JOB,
    async () => {
      await expireOverdueTakedowns(deps);
    },
    { maxAttempts: 3 },
  );
  platform.jobs.register<OutcomeMailPayload>(
    TAKEDOWN_OUTCOME_MAIL_JOB,
    async (payload) => sendOutcomeMail(deps, payload),
    { maxAttempts: 5 },
  );
}

/** Schedules the deadline job (idempotent; every instance may call it at start). */
export async function scheduleTakedownJobs(platform: Platform): Promise<void> {
  await platform.jobs.schedule(TAKEDOWN_DEADLINES_JOB, TAKEDOWN_DEADLINES_CRON);
}
