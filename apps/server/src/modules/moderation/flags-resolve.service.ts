import {
  MODERATION_LIMITS,
  type ModerationAction,
  type ResolveFlagResponse,
  type resolveFlagRequestSchema,
} from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { AppError, errors, type FieldProblem } from '../../errors.ts';
import { applyNanoModeration } from '../catalog/moderation-actions.ts';
import {
  announceModeratedMessage,
  type ModeratedMessage,
  setMessageStatusByModeration,
} from '../chat/chat-flag-moderation.ts';
import { deleteRatingByModeration, hideComment } from '../feedback/ratings-moderation.ts';
import { resolveFlagsOf } from '../flags/flags.service.ts';
import { accountSubject, suspendAccount } from '../identity/account-status.ts';
import { countUpheldFlagDecisions } from './decisions.repository.ts';
import { recordDecision } from './decisions.service.ts';
import { ALLOWED_FLAG_ACTIONS, type FlagTarget, loadFlagTarget } from './flag-targets.ts';
import { flagGroupOf } from './flags-queue.service.ts';
import { type ActorContext, auditBy } from './moderation.context.ts';
import type { ModerationDeps } from './moderation.deps.ts';
import { getStanding, revokeTrust } from './standing.ts';

type ResolveInput = z.output<typeof resolveFlagRequestSchema>;
type FlagAction = ResolveInput['action'];
type Db = Kysely<Database>;

/** The decision each resolve action records. */
const DECISION_ACTION: Record<FlagAction, ModerationAction> = {
  none: 'none',
  warning: 'warn',
  hide: 'hide',
  archive: 'archive',
  delete: 'delete',
  suspend: 'suspend',
};

/** Why the request cannot be carried out as sent: the problems by field (empty when fine). */
function inputProblems(target: FlagTarget, input: ResolveInput, now: Date): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!(ALLOWED_FLAG_ACTIONS[target.type] as readonly string[]).includes(input.action)) {
    problems.push({ field: 'body.action', code: 'action_not_allowed' });
  }
  if (input.action !== 'none' && input.reasons.length === 0) {
    problems.push({ field: 'body.reasons', code: 'reason_required' });
  }
  if (input.action !== 'none' && input.statement.length === 0) {
    problems.push({ field: 'body.statement', code: 'statement_required' });
  }
  if (input.suspendUntil && (input.action !== 'suspend' || new Date(input.suspendUntil) <= now)) {
    problems.push({ field: 'body.suspendUntil', code: 'invalid_suspend_until' });
  }
  return problems;
}

/** What the action did to the content or account: its state before and after, for the audit log. */
interface Effect {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  message?: ModeratedMessage;
}

/** Carries out the action on the target in the caller's transaction. */
async function applyAction(
  trx: Db,
  deps: ModerationDeps,
  actor: ActorContext,
  target: FlagTarget,
  input: ResolveInput,
): Promise<Effect> {
  const now = deps.clock.now();
  switch (input.action) {
    case 'none':
    case 'warning':
      return { before: {}, after: {} };
    case 'suspend': {
      const account = target.ownerId ? await accountSubject(trx, target.ownerId) : undefined;
      if (!account || target.ownerId === actor.auth.userId) {
        throw new AppError('conflict', { detail: 'cannot_suspend' });
      }
      if (account.role === 'moderator' || account.role === 'admin') {
        throw errors.forbidden('staff_account');
      }
      const change = await suspendAccount(trx, deps, {
        userId: account.id,
        until: input.suspendUntil ? new Date(input.suspendUntil) : null,
        by: actor.auth.userId,
      });
      return { before: change.before, after: change.after };
    }
    case 'hide':
    case 'archive':
    case 'delete':
      break;
  }
  if (target.nano) {
    const moved = await applyNanoModeration(trx, deps, { nanoId: target.nano.id, action: input.action });
    return { before: { status: moved.statusBefore }, after: { status: moved.statusAfter } };
  }
  if (target.rating) {
    if (input.action === 'delete') {
      await deleteRatingByModeration(trx, { ratingId: target.rating.id });
      return {
        before: { score: target.rating.score, commentHidden: target.rating.commentHidden },
        after: { deleted: true },
      };
    }
    const { wasHidden } = await hideComment(trx, { ratingId: target.rating.id, by: actor.auth.userId, now });
    return { before: { commentHidden: wasHidden }, after: { commentHidden: true } };
  }
  if (target.message) {
    const moved = await setMessageStatusByModeration(trx, {
      messageId: target.message.id,
      status: 'rejected',
      by: actor.auth.userId,
      now,
    });
    return { before: { status: moved.before.status }, after: { status: moved.after.status }, message: moved };
  }
  throw new AppError('conflict', { detail: 'target_gone' });
}

/**
 * Takes a trusted creator's trust away once enough flags on their content were upheld since they
 * became trusted (MODERATION_LIMITS.trustLossUpheldFlags, this decision counted in).
 */
async function applyTrustLoss(
  trx: Db,
  deps: ModerationDeps,
  actor: ActorContext,
  ownerId: string,
): Promise<boolean> {
  const standing = await getStanding(trx, ownerId);
  if (!standing.trusted || !standing.trustedAt) {
    return false;
  }
  const upheld = await countUpheldFlagDecisions(trx, ownerId, standing.trustedAt);
  if (upheld < MODERATION_LIMITS.trustLossUpheldFlags) {
    return false;
  }
  const revoked = await revokeTrust(trx, ownerId, 'upheld_flags', deps.clock.now());
  if (revoked) {
    await deps.audit.record(
      {
        ...auditBy(actor),
        action: 'moderation.trust_revoked',
        targetType: 'user',
        targetId: ownerId,
        details: {
          reason: 'upheld_flags',
          upheldFlags: upheld,
          before: { trusted: true },
          after: { trusted: false },
        },
      },
      trx,
    );
  }
  return revoked;
}

/**
 * A moderator's decision on a flagged target: the action is carried out (a Nano hidden, archived or
 * deleted; a comment hidden with its score kept, or the rating deleted; a message taken out of the
 * chat; the owner warned or suspended), every open flag of the target resolved with it, the
 * decision recorded with its statement of reasons (mailed to the owner when it restricts them),
 * the reporters told the outcome, a trusted creator's trust revoked after repeated upheld flags,
 * and all of it audited, in one transaction.
 */
export async function resolveFlag(
  deps: ModerationDeps,
  actor: ActorContext,
  flagId: string,
  input: ResolveInput,
): Promise<ResolveFlagResponse> {
  const group = await flagGroupOf(deps, flagId);
  if (group.flags[0]?.status !== 'open') {
    throw new AppError('flag_not_open');
  }
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const resolved = await resolveFlagsOf(
      trx,
      { type: group.type, id: group.id },
      { resolution: input.action, resolvedBy: actor.auth.userId, at: now },
    );
    if (resolved.length === 0) {
      throw new AppError('flag_not_open');
    }
    const target = await loadFlagTarget(trx, group.type, group.id);
    const problems = inputProblems(target, input, now);
    if (problems.length > 0) {
      throw errors.validation(problems);
    }
    if (input.action !== 'none' && (!target.exists || !target.ownerId)) {
      throw new AppError('conflict', { detail: 'target_gone' });
    }
    const effect = await applyAction(trx, deps, actor, target, input);
    const restricting = input.action !== 'none';
    const decision = await recordDecision(trx, deps, {
      targetType: target.type,
      targetId: target.id,
      targetLabel: target.label,
      affectedUserId: restricting ? target.ownerId : null,
      action: DECISION_ACTION[input.action],
      source: 'flag',
      reasons: input.reasons,
      statement: input.statement,
      decidedBy: actor.auth.userId,
      relatedId: flagId,
      nanoId: target.nanoId,
    });
    const trustRevoked =
      restricting && target.ownerId ? await applyTrustLoss(trx, deps, actor, target.ownerId) : false;
    const reporters = new Set(
      resolved.map((f) => f.reporter_id).filter((id): id is string => id !== null && id !== target.ownerId),
    );
    for (const reporterId of reporters) {
      await deps.notifications.notify(
        {
          userId: reporterId,
          type: 'flag.outcome',
          payload: {
            flagId,
            targetType: target.type,
            // Where the reported thing was (the Nano), never the owner's identity or the statement.
            title: target.nano?.title ?? target.rating?.nanoTitle ?? target.message?.nanoTitle ?? null,
            nanoId: target.type === 'user' ? null : target.nanoId,
            action: input.action,
          },
        },
        trx,
      );
    }
    if (input.action === 'suspend') {
      await deps.audit.record(
        {
          ...auditBy(actor),
          action: 'user.suspended',
          targetType: 'user',
          targetId: target.ownerId ?? undefined,
          details: {
            source: 'flag',
            flagId,
            decisionId: decision.id,
            before: effect.before,
            after: effect.after,
          },
        },
        trx,
      );
    }
    await deps.audit.record(
      {
        ...auditBy(actor),
        action: 'moderation.flag_resolved',
        targetType: 'flag',
        targetId: flagId,
        details: {
          target: { type: target.type, id: target.id },
          action: input.action,
          reasons: input.reasons,
          decisionId: decision.id,
          flagIds: resolved.map((f) => f.id),
          trustRevoked,
          before: { flagsOpen: resolved.length, ...effect.before },
          after: { flagsOpen: 0, ...effect.after },
        },
      },
      trx,
    );
    return { decision, flagsResolved: resolved.length, message: effect.message };
  });
  if (result.message && deps.realtime) {
    await announceModeratedMessage({ realtime: deps.realtime }, result.message);
  }
  return { decision: result.decision, flagsResolved: result.flagsResolved };
}
