import type { Locale, TakedownStatus } from '@nano/contracts';
import type { Generated, Selectable } from 'kysely';
import type { Timestamp } from '../../db/database.ts';

/**
 * Copyright notices from the public form (notice and action, EU DSA Art. 16), confirmed by email.
 * Owned by the moderation module (takedowns.*).
 */
export interface TakedownNoticesTable {
  id: string;
  nano_id: string;
  /** The Nano's creator when the notice arrived; null once the account is erased. */
  creator_id: string | null;
  complainant_name: string;
  complainant_email: string;
  work: string;
  original_location: string;
  /** The complainant's language: their emails are written in it. */
  locale: Generated<Locale>;
  status: Generated<TakedownStatus>;
  /** SHA-256 of the confirmation token (the token itself is only in the email). */
  confirm_token_hash: string | null;
  confirm_expires_at: Date | null;
  /** The sender's anonymised network (/24, /48), for abuse handling only. */
  ip_network: string | null;
  created_at: Timestamp;
  confirmed_at: Date | null;
  /** Until when the creator may answer (48 h after confirmation). */
  response_due_at: Date | null;
  response_text: string | null;
  responded_at: Date | null;
  decided_at: Date | null;
  decided_by: string | null;
  /** The decision that ended the notice (upheld, rejected or expired). */
  decision_id: string | null;
}

/** Tables of the takedown part of the moderation module. */
export interface TakedownTables {
  takedown_notices: TakedownNoticesTable;
}

export type TakedownRow = Selectable<TakedownNoticesTable>;
