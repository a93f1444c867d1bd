import {
  type DECISION_SOURCES,
  MODERATION_LIMITS,
  type ModerationAction,
  type ModerationDecision,
  type ModerationTargetType,
  RESTRICTING_ACTIONS,
  type ReasonCode,
} from '@nano/contracts';
import type { Kysely, Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';
import { appealToken } from './appeal-link-token.ts';
import * as repo from './decisions.repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** What recording a decision needs. */
export interface DecisionDeps {
  clock: Clock;
  notifications: NotificationService;
  /**
   * The server secret: with it the statement of reasons of an account suspension carries a signed
   * appeal link (the suspended user cannot sign in to appeal); without it the link is left out.
   */
  secret?: string;
}

/** One moderation decision and its statement of reasons (EU DSA Art. 17). */
export interface NewDecision {
  targetType: ModerationTargetType;
  targetId: string;
  /** The Nano's title, the user's display name, an excerpt of the comment or message (≤ 300 chars). */
  targetLabel: string;
  /** Who is affected and gets the statement; null when no one is (e.g. erased). */
  affectedUserId: string | null;
  action: ModerationAction;
  source: (typeof DECISION_SOURCES)[number];
  reasons: ReasonCode[];
  statement: string;
  /** True when automated means decided or detected it (a job, the content filter). */
  automated?: boolean;
  /** The moderator or admin; null for the system (jobs). */
  decidedBy: string | null;
  /** The flag, takedown notice or review the decision answers. */
  relatedId?: string | null;
  /** For a Nano decision: the Nano id, so the notification links to it. */
  nanoId?: string | null;
}

/** The longest target label stored (the column's limit); longer ones are cut with an ellipsis. */
const LABEL_MAX = 300;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether an action restricts the affected user (needs a statement of reasons, may be appealed). */
export function isRestricting(action: ModerationAction): boolean {
  return (RESTRICTING_ACTIONS as readonly ModerationAction[]).includes(action);
}

/**
 * Whether the decision suspends the affected user's account, so they cannot sign in to appeal.
 * The `suspend` of a takedown (source `takedown`) blocks uploads only; that user still signs in.
 */
function suspendsAccount(input: NewDecision): boolean {
  return input.action === 'suspend' && input.source !== 'takedown' && input.affectedUserId !== null;
}

function clip(text: string, max: number): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1)}…`;
}

/** A decision as the API presents it, with the state of its appeal. */
export function presentDecision(row: repo.DecisionWithAppeal): ModerationDecision {
  return {
    id: row.id,
    targetType: row.target_type,
    targetId: row.target_id,
    targetLabel: row.target_label,
    action: row.action,
    source: row.source,
    reasons: row.reasons,
    statement: row.statement,
    automated: row.automated,
    decidedAt: row.created_at.toISOString(),
    appealableUntil: row.appealable_until?.toISOString() ?? null,
    appeal:
      row.appeal_id && row.appeal_status && row.appeal_created_at
        ? { id: row.appeal_id, status: row.appeal_status, createdAt: row.appeal_created_at.toISOString() }
        : null,
  };
}

/**
 * Stores a decision in the caller's transaction and, when it restricts the affected user
 * (RESTRICTING_ACTIONS), sends them the statement of reasons: an in-app notification of type
 * `moderation.decision` (always also by email: a mandatory type) with the rules cited, the facts,
 * whether automated means were used and how to appeal (until `appealableUntil`, 14 days).
 * Returns the stored decision as the API presents it.
 *
 * Every module that restricts users calls it.
 */
export async function recordDecision(
  db: Db,
  deps: DecisionDeps,
  input: NewDecision,
): Promise<ModerationDecision> {
  const now = deps.clock.now();
  const restricting = isRestricting(input.action);
  const row = await repo.insertDecision(db, {
    id: uuidv7(),
    target_type: input.targetType,
    target_id: input.targetId,
    target_label: clip(input.targetLabel, LABEL_MAX),
    affected_user_id: input.affectedUserId,
    action: input.action,
    source: input.source,
    reasons: [...new Set(input.reasons)],
    statement: clip(input.statement, MODERATION_LIMITS.statementMax),
    automated: input.automated ?? false,
    decided_by: input.decidedBy,
    related_id: input.relatedId ?? null,
    created_at: now,
    appealable_until: restricting ? new Date(now.getTime() + MODERATION_LIMITS.appealDays * DAY_MS) : null,
    reversed_at: null,
  });
  const decision = presentDecision({ ...row, appeal_id: null, appeal_status: null, appeal_created_at: null });
  if (restricting && input.affectedUserId) {
    await deps.notifications.notify(
      {
        userId: input.affectedUserId,
        type: 'moderation.decision',
        payload: {
          decisionId: decision.id,
          title: decision.targetLabel,
          targetType: decision.targetType,
          nanoId: input.nanoId ?? null,
          action: decision.action,
          reasons: decision.reasons,
          statement: decision.statement,
          automated: decision.automated,
          appealableUntil: decision.appealableUntil,
          ...(suspendsAccount(input) && deps.secret && decision.appealableUntil
            ? { appealToken: appealToken(deps.secret, decision.id, decision.appealableUntil) }
            : {}),
        },
      },
      db,
    );
  }
  return decision;
}

/**
 * Decisions about a user (those affecting them) or about one target, newest first: for the admin
 * user detail and the owner history of a flag.
 */
export async function decisionsAbout(
  db: Db,
  about: { userId: string } | { target: { type: ModerationTargetType; id: string } },
  limit = 50,
): Promise<ModerationDecision[]> {
  const rows =
    'userId' in about
      ? await repo.recentDecisionsOfUser(db, about.userId, limit)
      : await repo.decisionsOfTarget(db, about.target, limit);
  return rows.map(presentDecision);
}

/** A page of the caller's own decisions, newest first. */
export async function myDecisions(
  db: Db,
  userId: string,
  page: { page: number; pageSize: number },
): Promise<{ items: ModerationDecision[]; total: number; page: number; pageSize: number }> {
  const { rows, total } = await repo.decisionsOfUser(db, userId, {
    offset: (page.page - 1) * page.pageSize,
    limit: page.pageSize,
  });
  return { items: rows.map(presentDecision), total, page: page.page, pageSize: page.pageSize };
}

/** One decision for the affected user or staff; anyone else gets 404 (its existence stays private). */
export async function decisionFor(
  db: Db,
  viewer: { userId: string; staff: boolean },
  id: string,
): Promise<ModerationDecision> {
  const row = await repo.decisionById(db, id);
  if (!row || (!viewer.staff && row.affected_user_id !== viewer.userId)) {
    throw new AppError('not_found');
  }
  return presentDecision(row);
}
