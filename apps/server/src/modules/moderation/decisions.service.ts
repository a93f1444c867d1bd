import type {
  DECISION_SOURCES,
  ModerationAction,
  ModerationDecision,
  ModerationTargetType,
  ReasonCode,
} from '@nano/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import type { NotificationService } from '../notifications/notifications.service.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** What recording a decision needs. */
export interface DecisionDeps {
  clock: Clock;
  notifications: NotificationService;
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

/**
 * Stores a decision in the caller's transaction and, when it restricts the affected user
 * (RESTRICTING_ACTIONS), sends them the statement of reasons: an in-app notification of type
 * `moderation.decision` (always also by email: a mandatory type) with the rules cited, the facts,
 * whether automated means were used and how to appeal (until `appealableUntil`, 14 days).
 * Returns the stored decision as the API presents it.
 *
 * Implemented in the moderation module (issue 8); every module that restricts users calls it.
 */
export declare function recordDecision(
  db: Db,
  deps: DecisionDeps,
  input: NewDecision,
): Promise<ModerationDecision>;
