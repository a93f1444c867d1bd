import { RETENTION } from '@nano/contracts';
import { purgeAuditEventsBefore } from '../audit/audit.repository.ts';
import { type RetentionStep, yearsBefore } from './retention-steps.ts';

/**
 * Audit events older than {@link RETENTION.auditEventYears} years are deleted, oldest first. The
 * audit module keeps the last deleted event's seq and hash as the chain's anchor, so `audit verify`
 * still checks every remaining event; the anchor also goes into this step's own audit event.
 */
export const purgeOldAuditEvents: RetentionStep = async ({ deps, now, dryRun }) => {
  const result = await purgeAuditEventsBefore(deps.db, yearsBefore(now, RETENTION.auditEventYears), {
    dryRun,
  });
  return {
    affected: result.purged,
    details: { deleted: result.purged },
    auditDetails: { anchorSeq: result.anchorSeq, anchorHash: result.anchorHash },
  };
};
