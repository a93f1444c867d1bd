import { RETENTION, RETENTION_JOBS, type RetentionJob, type RetentionReport } from '@nano/contracts';
import { purgeOutbox } from '../../platform/mail/outbox-mailer.ts';
import { expireDataExports } from './exports.service.ts';
import type { PrivacyDeps } from './privacy.deps.ts';
import { deleteUnverifiedAccounts, handleInactiveAccounts } from './retention-accounts.ts';
import { purgeOldAuditEvents } from './retention-audit.ts';
import { purgeArchivedNanos } from './retention-nanos.ts';
import { daysBefore, type RetentionStep, type RetentionSteps } from './retention-steps.ts';

/** Exports past their 7 days: the export service deletes the file and marks the row expired. */
const expireExports: RetentionStep = async ({ deps, dryRun }) => {
  const expired = await expireDataExports(deps, { dryRun });
  return { affected: expired, details: { expired } };
};

/** The embedded mailer's copies of sent mails (addresses and texts) after 30 days. */
const purgeMailOutbox: RetentionStep = async ({ deps, now, dryRun }) => {
  const deleted = await purgeOutbox(deps.db, daysBefore(now, RETENTION.mailOutboxDays), { dryRun });
  return { affected: deleted, details: { deleted } };
};

/**
 * The retention steps in the order they run (SPEC §4.7). Chats are archived by the chat module's
 * own daily job (`archiveIdleChats`), not here.
 */
export const RETENTION_STEPS: RetentionSteps = {
  audit_events: purgeOldAuditEvents,
  archived_nanos: purgeArchivedNanos,
  inactive_accounts: handleInactiveAccounts,
  data_exports: expireExports,
  unverified_accounts: deleteUnverifiedAccounts,
  mail_outbox: purgeMailOutbox,
};

/** Options of {@link runRetention}. */
export interface RetentionRunOptions {
  /** Only count what would happen: nothing changes, nothing is mailed or audited. */
  dryRun: boolean;
  /** The steps to run (default: all, in {@link RETENTION_JOBS} order). */
  jobs?: readonly RetentionJob[] | undefined;
  /** Who started the run (an admin), recorded as the actor of the steps' audit events. */
  by?: string | null | undefined;
}

/**
 * Runs the retention rules (SPEC §4.7; docs/privacy.md): every step is idempotent and, when it
 * changed something, audited once as `retention.<step>` with its counts. A dry run reports what a
 * real run would do at this moment and changes nothing (no rows, objects, mails or audit events).
 * Steps run one after another; one that throws stops the run (the next daily run retries).
 */
export async function runRetention(
  deps: PrivacyDeps,
  options: RetentionRunOptions,
): Promise<RetentionReport> {
  const now = deps.clock.now();
  const selected = options.jobs ? new Set(options.jobs) : null;
  const report: RetentionReport = { dryRun: options.dryRun, ranAt: now.toISOString(), jobs: [] };
  for (const job of RETENTION_JOBS) {
    if (selected && !selected.has(job)) {
      continue;
    }
    const outcome = await RETENTION_STEPS[job]({ deps, now, dryRun: options.dryRun });
    report.jobs.push({ job, affected: outcome.affected, details: outcome.details });
    if (!options.dryRun && outcome.affected > 0) {
      await deps.audit.record({
        actorId: options.by ?? null,
        action: `retention.${job}`,
        targetType: 'retention',
        targetId: job,
        details: { ...outcome.details, ...outcome.auditDetails },
      });
    }
  }
  return report;
}
