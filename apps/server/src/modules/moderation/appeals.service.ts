import type {
  Appeal,
  appealDecisionRequestSchema,
  appealQuerySchema,
  createAppealRequestSchema,
} from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError, errors } from '../../errors.ts';
import { announceModeratedMessage } from '../chat/chat-flag-moderation.ts';
import * as repo from './appeals.repository.ts';
import { undoDecision } from './appeals.undo.ts';
import * as decisions from './decisions.repository.ts';
import { isRestricting, presentDecision, recordDecision } from './decisions.service.ts';
import { personsOf } from './flag-targets.ts';
import { type ActorContext, auditBy, isStaffRole } from './moderation.context.ts';
import type { ModerationDeps } from './moderation.deps.ts';
import type { AppealRow } from './moderation.tables.ts';
import { ageHours, slaState } from './overview.sla.ts';

type Deps = Pick<ModerationDeps, 'db' | 'clock'>;
type CreateInput = z.output<typeof createAppealRequestSchema>;
type DecideInput = z.output<typeof appealDecisionRequestSchema>;
type AppealQuery = z.output<typeof appealQuerySchema>;

/**
 * Presents appeals with their decisions, appellants and (for staff) the moderators who made the
 * original decisions; the appellant is not shown who decided.
 */
async function presentAppeals(deps: Deps, rows: AppealRow[], staff: boolean): Promise<Appeal[]> {
  const byId = await decisions.decisionsByIds(
    deps.db,
    rows.map((row) => row.decision_id),
  );
  const persons = await personsOf(deps.db, [
    ...rows.map((row) => row.appellant_id),
    ...(staff ? [...byId.values()].map((d) => d.decided_by) : []),
  ]);
  const now = deps.clock.now();
  return rows.flatMap((row) => {
    const decision = byId.get(row.decision_id);
    if (!decision) {
      return [];
    }
    const age = ageHours(row.created_at, row.decided_at ?? now);
    return [
      {
        id: row.id,
        decision: presentDecision(decision),
        appellant: row.appellant_id ? (persons.get(row.appellant_id) ?? null) : null,
        text: row.text,
        status: row.status,
        createdAt: row.created_at.toISOString(),
        decidedAt: row.decided_at?.toISOString() ?? null,
        outcomeStatement: row.outcome_statement,
        originalModerator: staff && decision.decided_by ? (persons.get(decision.decided_by) ?? null) : null,
        ageHours: age,
        sla: slaState(age),
      },
    ];
  });
}

async function presentOne(deps: Deps, row: AppealRow, staff: boolean): Promise<Appeal> {
  const [appeal] = await presentAppeals(deps, [row], staff);
  if (!appeal) {
    throw errors.notFound();
  }
  return appeal;
}

/**
 * The affected user appeals a decision that restricts them: once per decision (`appeal_exists`),
 * within its appeal period (`appeal_period_over`), not against a reversed one
 * (`appeal_not_possible`). Anyone else's decision is not found.
 */
export async function createAppeal(deps: Deps, userId: string, input: CreateInput): Promise<Appeal> {
  const decision = await decisions.decisionById(deps.db, input.decisionId);
  if (!decision || decision.affected_user_id !== userId) {
    throw errors.notFound();
  }
  if (!isRestricting(decision.action) || decision.reversed_at !== null || !decision.appealable_until) {
    throw new AppError('appeal_not_possible');
  }
  if (decision.appeal_id) {
    throw new AppError('appeal_exists');
  }
  const now = deps.clock.now();
  if (decision.appealable_until < now) {
    throw new AppError('appeal_period_over');
  }
  const row = await repo.insertAppeal(deps.db, {
    id: uuidv7(),
    decision_id: decision.id,
    appellant_id: userId,
    text: input.text,
    created_at: now,
  });
  if (!row) {
    throw new AppError('appeal_exists');
  }
  return presentOne(deps, row, false);
}

/** The appeals queue for staff: open ones the longest waiting first, decided ones the latest first. */
export async function listAppeals(
  deps: Deps,
  query: AppealQuery,
): Promise<{ items: Appeal[]; total: number; page: number; pageSize: number }> {
  const { rows, total } = await repo.listAppeals(deps.db, query.status, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  return { items: await presentAppeals(deps, rows, true), total, page: query.page, pageSize: query.pageSize };
}

/**
 * A second moderator decides an appeal (never the one who made the decision:
 * `appeal_same_moderator`). Reverse: what the decision did is undone, it is marked reversed and a
 * `restore` decision recorded. Uphold: the decision stands; a `none` decision records the review.
 * Either way the appellant gets the outcome with the reasons (a mandatory email), and it is
 * audited, in one transaction.
 */
export async function decideAppeal(
  deps: ModerationDeps,
  actor: ActorContext,
  appealId: string,
  input: DecideInput,
): Promise<Appeal> {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const appeal = await repo.lockAppeal(trx, appealId);
    if (!appeal) {
      throw errors.notFound();
    }
    if (appeal.status !== 'open') {
      throw new AppError('appeal_not_open');
    }
    const decision = await decisions.lockDecision(trx, appeal.decision_id);
    if (!decision) {
      throw errors.notFound();
    }
    if (decision.decided_by === actor.auth.userId || appeal.appellant_id === actor.auth.userId) {
      throw new AppError('appeal_same_moderator');
    }
    const reverse = input.outcome === 'reverse';
    const undone = reverse ? await undoDecision(trx, deps, decision, actor.auth.userId) : undefined;
    if (reverse) {
      await decisions.markReversed(trx, decision.id, now);
    }
    const outcome = await recordDecision(trx, deps, {
      targetType: decision.target_type,
      targetId: decision.target_id,
      targetLabel: decision.target_label,
      affectedUserId: decision.affected_user_id,
      action: reverse ? 'restore' : 'none',
      source: 'appeal',
      reasons: decision.reasons,
      statement: input.statement,
      decidedBy: actor.auth.userId,
      relatedId: appeal.id,
    });
    const updated = await repo.updateAppeal(trx, appeal.id, {
      status: reverse ? 'reversed' : 'upheld',
      decided_at: now,
      decided_by: actor.auth.userId,
      outcome_statement: input.statement,
    });
    const appellantId = appeal.appellant_id ?? decision.affected_user_id;
    if (appellantId) {
      await deps.notifications.notify(
        {
          userId: appellantId,
          type: 'moderation.decision',
          payload: {
            decisionId: decision.id,
            outcomeDecisionId: outcome.id,
            appealId: appeal.id,
            appealOutcome: reverse ? 'reversed' : 'upheld',
            title: decision.target_label,
            targetType: decision.target_type,
            nanoId: decision.target_type === 'nano' ? decision.target_id : null,
            action: decision.action,
            statement: input.statement,
          },
        },
        trx,
      );
    }
    await deps.audit.record(
      {
        ...auditBy(actor),
        action: 'moderation.appeal_decided',
        targetType: 'appeal',
        targetId: appeal.id,
        details: {
          decisionId: decision.id,
          outcomeDecisionId: outcome.id,
          outcome: input.outcome,
          target: { type: decision.target_type, id: decision.target_id },
          before: { appeal: 'open', reversed: false, ...(undone?.before ?? {}) },
          after: { appeal: updated.status, reversed: reverse, ...(undone?.after ?? {}) },
        },
      },
      trx,
    );
    return { appeal: updated, message: undone?.message };
  });
  if (result.message && deps.realtime) {
    await announceModeratedMessage({ realtime: deps.realtime }, result.message);
  }
  return presentOne(deps, result.appeal, isStaffRole(actor.auth));
}
