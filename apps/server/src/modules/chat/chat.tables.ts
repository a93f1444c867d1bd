import type { ChatStatus, HoldReason, MessageStatus } from '@nano/contracts';
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Timestamp } from '../../db/database.ts';

/** One conversation about a Nano between a consumer and its creator (unique per Nano and consumer). */
export interface ChatSessionsTable {
  id: string;
  nano_id: string;
  consumer_id: string;
  creator_id: string;
  status: Generated<ChatStatus>;
  /** Why a moderator disabled the session; shown to both parties. */
  disabled_reason: string | null;
  disabled_by: string | null;
  disabled_at: Date | null;
  /** The newest visible message (the inbox order); null while there is none. */
  last_message_at: Date | null;
  /** The newest stored message of any status, or the opening: what the archive job looks at. */
  last_activity_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A party of a session with their own mute switch and read marker. */
export interface ChatParticipantsTable {
  chat_id: string;
  user_id: string;
  role: 'consumer' | 'creator';
  muted: Generated<boolean>;
  /** Everything up to and including this message is read (ids are time-ordered UUIDv7). */
  last_read_message_id: string | null;
  last_read_at: Date | null;
}

/** A message; its id is the history cursor. */
export interface ChatMessagesTable {
  id: string;
  chat_id: string;
  /** Null once the author's account was erased. */
  sender_id: string | null;
  /** The sender's idempotency key (unique per sender). */
  client_id: string | null;
  /** Plain text, trimmed, 1–1000 code points. */
  body: string;
  status: Generated<MessageStatus>;
  hold_reasons: ColumnType<HoldReason[], HoldReason[] | undefined, HoldReason[]>;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  created_at: Timestamp;
}

/** Tables owned by the chat module. */
export interface ChatTables {
  chat_sessions: ChatSessionsTable;
  chat_participants: ChatParticipantsTable;
  chat_messages: ChatMessagesTable;
}

export type ChatSessionRow = Selectable<ChatSessionsTable>;
export type ChatParticipantRow = Selectable<ChatParticipantsTable>;
export type ChatMessageRow = Selectable<ChatMessagesTable>;
