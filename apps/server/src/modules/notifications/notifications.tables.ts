import type { Json, Timestamp } from '../../db/database.ts';

/** In-app notifications (owned by the notifications module). */
export interface NotificationsTable {
  id: string;
  user_id: string;
  type: string;
  payload: Json;
  read_at: Date | null;
  created_at: Timestamp;
}

export interface NotificationTables {
  notifications: NotificationsTable;
}
