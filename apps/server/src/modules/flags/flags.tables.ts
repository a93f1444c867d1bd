import type { FlagReason } from '@nano/contracts';
import type { Generated, Selectable } from 'kysely';
import type { Timestamp } from '../../db/database.ts';

/** What can be flagged. */
export type FlagTargetType = 'nano' | 'rating' | 'message' | 'user';

/** A user's report of content or a user to the moderators (one open flag per reporter and target). */
export interface FlagsTable {
  id: string;
  /** Null once the reporter's account is deleted: the flag stays for the moderators. */
  reporter_id: string | null;
  target_type: FlagTargetType;
  target_id: string;
  reason: FlagReason;
  description: Generated<string>;
  status: Generated<'open' | 'resolved'>;
  /** What the moderators decided (e.g. `release`, `reject`), set with the resolution. */
  resolution: string | null;
  resolution_note: string | null;
  created_at: Timestamp;
  resolved_at: Date | null;
  resolved_by: string | null;
}

/** Tables owned by the flags module. */
export interface FlagTables {
  flags: FlagsTable;
}

export type FlagRow = Selectable<FlagsTable>;
