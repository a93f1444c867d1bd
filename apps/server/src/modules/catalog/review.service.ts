import {
  type Locale,
  type ModerationAction,
  REVIEW_CHECKLIST,
  type ReasonCode,
  type ReviewChecklistItem,
} from '@nano/contracts';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import type { AuthContext } from '../identity/session.service.ts';
import { recordDecision } from '../moderation/decisions.service.ts';
import { actorFor, type CatalogDeps } from './catalog.deps.ts';
import * as repo from './catalog.repository.ts';
import type { NanoRow, NanoVersionRow } from './catalog.tables.ts';
import { applyNanoModeration } from './moderation-actions.ts';
import { nextStatus } from './nano-status.ts';
import * as reviewRepo from './review.repository.ts';
import { assertNotClaimedByOther } from './review-claims.ts';
import { nextSemver } from './semver.ts';
import { promoteIfEarned } from './trust-policy.ts';

export type Decision = 'approve' | 'request_changes' | 'reject';

export interface ReviewDecisionInput {
  decision: Decision;
  checklist: Partial<Record<ReviewChecklistItem, boolean>>;
  reasons: ReasonCode[];
  note: string;
}

/** Approving needs every checklist item ticked; a restricting decision needs a reason (SPEC §4.6). */
export function validateDecision(input: ReviewDecisionInput): void {
  if (input.decision === 'approve') {
    if (!REVIEW_CHECKLIST.every((item) => input.checklist[item] === true)) {
      throw errors.field('body.checklist', 'checklist_incomplete');
    }
    return;
  }
  if (input.reasons.length === 0) {
    throw errors.field('body.reasons', 'reasons_required');
  }
}

interface DecisionContext {
  deps: CatalogDeps;
  auth: AuthContext;
  nano: NanoRow;
  input: ReviewDecisionInput;
  reviewId: string;
  now: Date;
}

/** The statement of reasons (and for an approval the record) of the decision, in its transaction. */
async function record(
  trx: Kysely<Database>,
  ctx: DecisionContext,
  source: 'review' | 'sample',
  action: ModerationAction,
): Promise<void> {
  await recordDecision(trx, ctx.deps, {
    targetType: 'nano',
    targetId: ctx.nano.id,
    targetLabel: ctx.nano.title,
    affectedUserId: ctx.nano.creator_id,
    action,
    source,
    reasons: ctx.input.reasons,
    statement: ctx.input.note,
    decidedBy: ctx.auth.userId,
    relatedId: ctx.reviewId,
    nanoId: ctx.nano.id,
  });
}

/**
 * A submitted version (a first publication, a restore or an update): for a Nano that is not live
 * the Nano follows the decision; for a new version of a published Nano only the version does, and
 * on approval it becomes current while the previous one stays available to owner and staff.
 */
async function decideSubmission(trx: Kysely<Database>, ctx: DecisionContext, target: NanoVersionRow) {
  const { nano, input, now } = ctx;
  const isUpdate = nano.status === 'published';
  const versionStatus =
    input.decision === 'approve'
      ? 'approved'
      : input.decision === 'reject'
        ? 'rejected'
        : 'changes_requested';
  const current = nano.current_version_id
    ? await repo.findVersion(trx, nano.id, nano.current_version_id)
    : undefined;
  await repo.updateVersion(trx, target.id, {
    status: versionStatus,
    decided_at: now,
    ...(input.decision === 'approve' && !target.semver
      ? { semver: nextSemver(current && current.id !== target.id ? current.semver : null, 'minor') }
      : {}),
  });
  let statusAfter = nano.status;
  if (isUpdate) {
    if (input.decision === 'approve') {
      await repo.updateNano(trx, nano.id, { current_version_id: target.id, updated_at: now });
    }
  } else {
    const actor = actorFor(ctx.auth, nano) === 'admin' ? 'admin' : 'moderator';
    statusAfter = nextStatus(nano.status, input.decision, actor);
    await repo.updateNano(trx, nano.id, {
      status: statusAfter,
      updated_at: now,
      ...(input.decision === 'approve'
        ? { current_version_id: target.id, published_at: nano.published_at ?? now, archived_at: null }
        : {}),
    });
  }
  await record(trx, ctx, 'review', input.decision);
  if (input.decision === 'approve') {
    // Restricting decisions reach the creator as the statement of reasons (moderation.decision).
    await ctx.deps.notifications.notify(
      {
        userId: nano.creator_id,
        type: 'nano.review_decision',
        payload: {
          nanoId: nano.id,
          title: nano.title,
          decision: 'approve',
          note: input.note,
          reasons: [],
          update: isUpdate,
        },
      },
      trx,
    );
    await promoteIfEarned(trx, ctx.deps, { creatorId: nano.creator_id, actorId: ctx.auth.userId, now });
  }
  return { statusAfter, isUpdate };
}

/**
 * A sampled version (already published at once for a trusted creator): approving closes the
 * sample; rejecting takes the Nano offline (archived), requesting changes hides it until the
 * creator acts. The version itself stays approved, so a reversed decision can put it back online.
 */
async function decideSample(trx: Kysely<Database>, ctx: DecisionContext, target: NanoVersionRow) {
  const { nano, input, now } = ctx;
  await reviewRepo.markSampleDecided(trx, target.id, now);
  let statusAfter = nano.status;
  if (input.decision !== 'approve') {
    const action = input.decision === 'reject' ? 'archive' : nano.status === 'published' ? 'hide' : null;
    if (action) {
      statusAfter = (await applyNanoModeration(trx, ctx.deps, { nanoId: nano.id, action })).statusAfter;
    }
  }
  await record(trx, ctx, 'sample', input.decision);
  return { statusAfter, isUpdate: true };
}

/**
 * A moderator's decision on the version under review (a submission first, else an open sample).
 * Refused while another moderator holds an unexpired claim (409 `review_claimed`) and on one's own
 * Nano (403); releases the claim. Stores the review with its checklist, the statement of reasons
 * (mailed to the creator for restricting decisions), the audit event, and may make the creator
 * trusted.
 */
export async function decide(
  deps: CatalogDeps,
  auth: AuthContext,
  nanoId: string,
  input: ReviewDecisionInput,
  locale: Locale = 'de',
): Promise<void> {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const nano = await repo.findNanoForUpdate(trx, nanoId);
    if (!nano || nano.status === 'deleted') {
      throw new AppError('not_found');
    }
    const actor = actorFor(auth, nano);
    if (actor !== 'moderator' && actor !== 'admin') {
      throw new AppError('forbidden');
    }
    validateDecision(input);
    await assertNotClaimedByOther(trx, { nanoId, userId: auth.userId, now, locale });
    const pending = await reviewRepo.findPendingVersion(trx, nanoId);
    const submission =
      pending && (nano.status === 'pending_review' || nano.status === 'published') ? pending : undefined;
    const sample =
      !submission && (nano.status === 'published' || nano.status === 'hidden')
        ? await reviewRepo.findOpenSample(trx, nanoId)
        : undefined;
    const target = submission ?? sample;
    if (!target) {
      throw new AppError('conflict', { detail: 'nothing_to_review' });
    }
    const ctx: DecisionContext = { deps, auth, nano, input, reviewId: uuidv7(), now };
    await repo.insertReview(trx, {
      id: ctx.reviewId,
      nanoId,
      versionId: target.id,
      reviewerId: auth.userId,
      decision: input.decision,
      reasons: input.reasons,
      note: input.note,
      checklist: input.checklist,
      now,
    });
    const outcome = submission
      ? await decideSubmission(trx, ctx, target)
      : await decideSample(trx, ctx, target);
    await reviewRepo.deleteClaim(trx, nanoId);
    await deps.audit.record(
      {
        actorId: auth.userId,
        action: 'nano.review_decision',
        targetType: 'nano',
        targetId: nanoId,
        details: {
          decision: input.decision,
          versionId: target.id,
          reasons: input.reasons,
          checklist: input.checklist,
          update: outcome.isUpdate,
          sampled: !submission,
          before: { status: nano.status, versionStatus: target.status },
          after: { status: outcome.statusAfter },
        },
      },
      trx,
    );
    return { versionId: target.id, published: Boolean(submission) && input.decision === 'approve' };
  });
  if (result.published) {
    await deps.jobs.enqueue('catalog.thumbnail', { nanoId }, { singletonKey: nanoId });
    await deps.jobs.enqueue(
      'search.index_content',
      { versionId: result.versionId },
      { singletonKey: result.versionId },
    );
  }
}
