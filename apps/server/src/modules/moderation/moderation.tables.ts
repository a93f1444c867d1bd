import type { DECISION_SOURCES, ModerationAction, ModerationTargetType, ReasonCode } from '@nano/contracts';
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Timestamp } from '../../db/database.ts';

/** The statement of reasons of one moderation decision (EU DSA Art. 17). */
export interface ModerationDecisionsTable {
  id: string;
  target_type: ModerationTargetType;
  target_id: string;
  /** The Nano's title, the user's display name, an excerpt of the comment or message (≤ 300 chars). */
  target_label: Generated<string>;
  /** Null when no one is affected or the account was erased. */
  affected_user_id: string | null;
  action: ModerationAction;
  source: (typeof DECISION_SOURCES)[number];
  reasons: ColumnType<ReasonCode[], ReasonCode[] | undefined, ReasonCode[]>;
  statement: Generated<string>;
  automated: Generated<boolean>;
  decided_by: string | null;
  /** The flag, takedown notice, review or appeal the decision answers. */
  related_id: string | null;
  created_at: Timestamp;
  /** Until when the affected user may appeal; null for decisions that restrict nothing. */
  appealable_until: Date | null;
  /** Set when an appeal reversed the decision. */
  reversed_at: Date | null;
}

/** One appeal per decision, decided by a different moderator. */
export interface ModerationAppealsTable {
  id: string;
  decision_id: string;
  appellant_id: string | null;
  text: string;
  status: Generated<'open' | 'upheld' | 'reversed'>;
  created_at: Timestamp;
  decided_at: Date | null;
  decided_by: string | null;
  outcome_statement: string | null;
}

/** Tables owned by the moderation module (decisions and appeals; takedowns and standing have their own files). */
export interface ModerationTables {
  moderation_decisions: ModerationDecisionsTable;
  moderation_appeals: ModerationAppealsTable;
}

export type DecisionRow = Selectable<ModerationDecisionsTable>;
export type AppealRow = Selectable<ModerationAppealsTable>;
