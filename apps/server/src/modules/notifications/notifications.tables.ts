import type { NotificationChannel } from '@nano/contracts';
import type { ColumnType } from 'kysely';
import type { Json, Timestamp } from '../../db/database.ts';

/** Where a notification's email stands: null when it is in-app only (migration 0010). */
export type NotificationEmailStatus = 'pending' | 'sent' | 'skipped' | 'failed';

/** In-app notifications (owned by the notifications module). */
export interface NotificationsTable {
  id: string;
  user_id: string;
  type: string;
  payload: Json;
  read_at: Date | null;
  created_at: Timestamp;
  email_status: ColumnType<
    NotificationEmailStatus | null,
    NotificationEmailStatus | null | undefined,
    NotificationEmailStatus | null
  >;
  email_sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /**
   * Unread notifications with the same key are one notification (migration 0012): a chat
   * session's new messages update it, with their count in the payload.
   */
  collapse_key: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The channel a user chose for a type; types without a row use the default. */
export interface NotificationSettingsTable {
  user_id: string;
  type: string;
  channel: NotificationChannel;
  updated_at: Timestamp;
}

/** When a user last got an email of a type (the start of the batch window). */
export interface NotificationEmailLogTable {
  user_id: string;
  type: string;
  last_sent_at: Date;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
  notification_email_log: NotificationEmailLogTable;
}
