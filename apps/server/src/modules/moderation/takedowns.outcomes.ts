import {
  MODERATION_LIMITS,
  type ModerationDecision,
  type ReasonCode,
  type Takedown,
  type takedownDecisionRequestSchema,
} from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import { applyNanoModeration } from '../catalog/moderation-actions.ts';
import { getUserCards } from '../identity/user-cards.ts';
import { recordDecision } from './decisions.service.ts';
import { blockUploads, revokeTrust } from './standing.ts';
import * as repo from './takedowns.repository.ts';
import type { RequestContext, TakedownDeps } from './takedowns.service.ts';
import { takedownById } from './takedowns.service.ts';
import { autoArchiveStatement, uploadsBlockedStatement } from './takedowns.statements.ts';
import type { TakedownRow } from './takedowns.tables.ts';

type DecisionInput = z.output<typeof takedownDecisionRequestSchema>;

/** The job that mails a complainant the outcome of their notice (after the decision committed). */
export const TAKEDOWN_OUTCOME_MAIL_JOB = 'moderation.takedown_outcome_mail';

/** What {@link TAKEDOWN_OUTCOME_MAIL_JOB} carries: the notice and, for a moderator's decision, its statement. */
export interface OutcomeMailPayload {
  noticeId: string;
  outcome: 'upheld' | 'rejected' | 'expired';
  statement?: string;
}

/** Overdue notices one transaction batch of the deadline job takes. */
const EXPIRY_BATCH = 50;

/** A Nano in one of these states is online or hidden: archiving it takes it down for good. */
function isArchivable(status: string): boolean {
  return status === 'published' || status === 'hidden';
}

/** The start of the repeat rule's window: {@link MODERATION_LIMITS.takedownRepeatMonths} months back (UTC). */
export function repeatWindowStart(now: Date): Date {
  const since = new Date(now.getTime());
  since.setUTCMonth(since.getUTCMonth() - MODERATION_LIMITS.takedownRepeatMonths);
  return since;
}

/**
 * What an upheld (or expired) notice costs the creator, in the deciding transaction, after the
 * notice itself is stored as upheld/expired: a trusted creator loses the trust (SPEC §4.6); with
 * {@link MODERATION_LIMITS.takedownRepeatCount} upheld notices within
 * {@link MODERATION_LIMITS.takedownRepeatMonths} months their uploads are blocked, which is an
 * automated decision (`suspend` of the user, source `takedown`) with its own statement of reasons.
 */
async function applyConsequences(
  trx: Kysely<Database>,
  deps: TakedownDeps,
  notice: TakedownRow,
  actorId: string | null,
): Promise<void> {
  const creatorId = notice.creator_id;
  if (!creatorId) {
    return;
  }
  const now = deps.clock.now();
  if (await revokeTrust(trx, creatorId, `takedown_notice:${notice.id}`, now)) {
    await deps.audit.record(
      {
        actorId,
        action: 'takedown.trust_revoked',
        targetType: 'user',
        targetId: creatorId,
        details: { noticeId: notice.id, before: { trusted: true }, after: { trusted: false } },
      },
      trx,
    );
  }
  const upheld = await repo.countUpheldSince(trx, creatorId, repeatWindowStart(now));
  if (upheld < MODERATION_LIMITS.takedownRepeatCount) {
    return;
  }
  if (!(await blockUploads(trx, creatorId, `takedown_repeat:${upheld}`, now))) {
    return;
  }
  const creator = (await getUserCards(trx, [creatorId])).get(creatorId);
  const decision = await recordDecision(trx, deps, {
    targetType: 'user',
    targetId: creatorId,
    targetLabel: creator?.displayName ?? '',
    affectedUserId: creatorId,
    action: 'suspend',
    source: 'takedown',
    reasons: ['copyright'],
    statement: uploadsBlockedStatement(creator?.locale ?? 'de', upheld),
    automated: true,
    decidedBy: null,
    relatedId: notice.id,
  });
  await deps.audit.record(
    {
      actorId,
      action: 'takedown.uploads_blocked',
      targetType: 'user',
      targetId: creatorId,
      details: {
        noticeId: notice.id,
        decisionId: decision.id,
        upheldNotices: upheld,
        before: { uploadsBlocked: false },
        after: { uploadsBlocked: true },
      },
    },
    trx,
  );
}

/**
 * A moderator decides on an open notice (awaiting a response or responded). Uphold: the Nano is
 * archived, the creator gets the statement of reasons, trust and the repeat rule apply. Reject:
 * the Nano is visible again (unless another notice on it is still open) and the creator is told.
 * The complainant learns the outcome by email either way. 409 `takedown_not_open` otherwise.
 */
export async function decideTakedown(
  deps: TakedownDeps,
  context: RequestContext & { userId: string },
  noticeId: string,
  input: DecisionInput,
): Promise<Takedown> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const notice = await repo.lockNotice(trx, noticeId);
    if (!notice) {
      throw errors.notFound();
    }
    if (!(repo.OPEN_TAKEDOWN_STATUSES as readonly string[]).includes(notice.status)) {
      throw new AppError('takedown_not_open');
    }
    const nano = await repo.lockNoticedNano(trx, notice.nano_id);
    if (!nano) {
      throw errors.notFound();
    }
    const creatorId = notice.creator_id ?? nano.creator_id;
    let nanoAfter = nano.status;
    let decision: ModerationDecision;
    if (input.outcome === 'uphold') {
      if (isArchivable(nano.status)) {
        nanoAfter = (await applyNanoModeration(trx, deps, { nanoId: nano.id, action: 'archive' }))
          .statusAfter;
      }
      const reasons: ReasonCode[] = input.reasons.length > 0 ? input.reasons : ['copyright'];
      decision = await recordDecision(trx, deps, {
        targetType: 'nano',
        targetId: nano.id,
        targetLabel: nano.title,
        affectedUserId: creatorId,
        action: 'archive',
        source: 'takedown',
        reasons,
        statement: input.statement,
        decidedBy: context.userId,
        relatedId: notice.id,
        nanoId: nano.id,
      });
    } else {
      const othersOpen = await repo.countOtherOpenNotices(trx, nano.id, notice.id);
      const restore = nano.status === 'hidden' && othersOpen === 0;
      if (restore) {
        nanoAfter = (await applyNanoModeration(trx, deps, { nanoId: nano.id, action: 'unhide' })).statusAfter;
      }
      decision = await recordDecision(trx, deps, {
        targetType: 'nano',
        targetId: nano.id,
        targetLabel: nano.title,
        affectedUserId: creatorId,
        action: restore ? 'restore' : 'none',
        source: 'takedown',
        reasons: input.reasons,
        statement: input.statement,
        decidedBy: context.userId,
        relatedId: notice.id,
        nanoId: nano.id,
      });
      await deps.notifications.notify(
        {
          userId: creatorId,
          type: 'takedown.notice',
          payload: {
            noticeId: notice.id,
            nanoId: nano.id,
            title: nano.title,
            outcome: 'rejected',
            restored: restore,
            statement: input.statement,
          },
        },
        trx,
      );
    }
    const status = input.outcome === 'uphold' ? 'upheld' : 'rejected';
    const updated = await repo.updateNotice(trx, notice.id, {
      status,
      decided_at: now,
      decided_by: context.userId,
      decision_id: decision.id,
    });
    if (status === 'upheld') {
      await applyConsequences(trx, deps, updated, context.userId);
    }
    await deps.audit.record(
      {
        actorId: context.userId,
        ip: context.ip,
        userAgent: context.userAgent ?? null,
        action: 'takedown.decided',
        targetType: 'takedown_notice',
        targetId: notice.id,
        details: {
          nanoId: nano.id,
          outcome: input.outcome,
          decisionId: decision.id,
          reasons: decision.reasons,
          before: { status: notice.status, nanoStatus: nano.status },
          after: { status, nanoStatus: nanoAfter },
        },
      },
      trx,
    );
  });
  await deps.jobs.enqueue(TAKEDOWN_OUTCOME_MAIL_JOB, {
    noticeId,
    outcome: input.outcome === 'uphold' ? 'upheld' : 'rejected',
    statement: input.statement,
  } satisfies OutcomeMailPayload);
  return takedownById(deps, noticeId);
}

/**
 * Ends one overdue notice (no answer within the period): the Nano is archived by an automated
 * decision, the notice `expired` (counts as upheld for trust and the repeat rule). Returns false
 * when there was nothing to do (answered, decided or expired meanwhile): the job is idempotent.
 */
async function expireNotice(deps: TakedownDeps, noticeId: string): Promise<boolean> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const notice = await repo.lockNotice(trx, noticeId);
    if (
      notice?.status !== 'awaiting_response' ||
      !notice.response_due_at ||
      notice.response_due_at.getTime() > now.getTime()
    ) {
      return false;
    }
    const nano = await repo.lockNoticedNano(trx, notice.nano_id);
    if (!nano) {
      return false;
    }
    const creatorId = notice.creator_id ?? nano.creator_id;
    let nanoAfter = nano.status;
    let decisionId: string | null = null;
    // A Nano its creator archived or deleted meanwhile is down already: nothing to decide on it.
    if (isArchivable(nano.status)) {
      nanoAfter = (await applyNanoModeration(trx, deps, { nanoId: nano.id, action: 'archive' })).statusAfter;
      const creator = (await getUserCards(trx, [creatorId])).get(creatorId);
      const decision = await recordDecision(trx, deps, {
        targetType: 'nano',
        targetId: nano.id,
        targetLabel: nano.title,
        affectedUserId: creatorId,
        action: 'archive',
        source: 'takedown',
        reasons: ['copyright'],
        statement: autoArchiveStatement(creator?.locale ?? 'de', notice),
        automated: true,
        decidedBy: null,
        relatedId: notice.id,
        nanoId: nano.id,
      });
      decisionId = decision.id;
    }
    const updated = await repo.updateNotice(trx, notice.id, {
      status: 'expired',
      decided_at: now,
      decision_id: decisionId,
    });
    await applyConsequences(trx, deps, updated, null);
    await deps.audit.record(
      {
        actorId: null,
        action: 'takedown.expired',
        targetType: 'takedown_notice',
        targetId: notice.id,
        details: {
          nanoId: nano.id,
          decisionId,
          before: { status: notice.status, nanoStatus: nano.status },
          after: { status: 'expired', nanoStatus: nanoAfter },
        },
      },
      trx,
    );
    return true;
  });
}

/**
 * The deadline job (every 5 minutes): expires every notice whose answer period has passed, one
 * transaction each, and queues the complainants' emails. Returns how many it expired.
 */
export async function expireOverdueTakedowns(deps: TakedownDeps): Promise<number> {
  let expired = 0;
  const seen = new Set<string>();
  for (;;) {
    const ids = (await repo.overdueNoticeIds(deps.db, deps.clock.now(), EXPIRY_BATCH)).filter(
      (id) => !seen.has(id),
    );
    if (ids.length === 0) {
      return expired;
    }
    for (const id of ids) {
      seen.add(id);
      if (await expireNotice(deps, id)) {
        expired += 1;
        await deps.jobs.enqueue(TAKEDOWN_OUTCOME_MAIL_JOB, {
          noticeId: id,
          outcome: 'expired',
        } satisfies OutcomeMailPayload);
      }
    }
  }
}
