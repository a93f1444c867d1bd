import type { ColumnType } from 'kysely';

/**
 * One row per user and UTC day on which they made an authenticated request (owned by the
 * analytics module): the basis of daily, weekly and monthly active users. Nothing else is kept.
 */
export interface UserActivityDaysTable {
  user_id: string;
  /** `YYYY-MM-DD`; queries select it as text. */
  day: ColumnType<string, string, string>;
}

export interface UserActivityTables {
  user_activity_days: UserActivityDaysTable;
}
