import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../../db/database.ts';

/** A `date` column, read and written as `YYYY-MM-DD` (queries select it as text). */
type Day = ColumnType<string, string, string>;

/**
 * One view or download of a Nano (kept {@link ANALYTICS_LIMITS.rawEventRetentionDays} days): no
 * user id, no visitor cookie, no IP address; a view carries only the viewer's hash of that day.
 */
export interface NanoEventsTable {
  id: Generated<number>;
  nano_id: string;
  kind: 'view' | 'download';
  /** HMAC-SHA256 of the viewer key under the day's salt; null for downloads. */
  viewer_hash: string | null;
  day: Day;
  created_at: Timestamp;
}

/** The random salt of one UTC day; deleted once the day is over and rolled up. */
export interface AnalyticsSaltsTable {
  day: Day;
  salt: string;
  created_at: Timestamp;
}

/** Figures of one Nano on one day, written only by the rollup job (and the demo seeder). */
export interface NanoDailyStatsTable {
  nano_id: string;
  day: Day;
  views: Generated<number>;
  /** Distinct viewer hashes of the day. */
  unique_viewers: Generated<number>;
  downloads: Generated<number>;
  /** Favourites added that day (and still there when the day was rolled up). */
  favorites: Generated<number>;
  /** Ratings given that day whose score counts, and the sum of their scores. */
  ratings_count: Generated<number>;
  ratings_sum: Generated<number>;
}

/** The rollup job's one row. */
export interface AnalyticsStateTable {
  id: Generated<boolean>;
  /** The last day the previous run covered; the next run starts the day before it. */
  last_rolled_day: Day | null;
  last_rollup_at: Date | null;
}

export interface AnalyticsTables {
  nano_events: NanoEventsTable;
  analytics_salts: AnalyticsSaltsTable;
  nano_daily_stats: NanoDailyStatsTable;
  analytics_state: AnalyticsStateTable;
}
