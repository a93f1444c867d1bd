import type { Selectable } from 'kysely';

/**
 * A creator's standing (SPEC §4.6): trusted after enough approvals (until revoked), and uploads
 * blocked after repeated upheld takedown notices. One row per user, created on first need.
 */
export interface CreatorStandingTable {
  user_id: string;
  trusted_at: Date | null;
  trust_revoked_at: Date | null;
  trust_revoked_reason: string | null;
  uploads_blocked_at: Date | null;
  uploads_blocked_reason: string | null;
}

export interface StandingTables {
  creator_standing: CreatorStandingTable;
}

export type CreatorStandingRow = Selectable<CreatorStandingTable>;
