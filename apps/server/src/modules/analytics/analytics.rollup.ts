import { ANALYTICS_LIMITS } from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import * as repo from './analytics.repository.ts';
import { addDays, startOfDay, utcDay } from './analytics-days.ts';

/** Hourly, five minutes past: the current day's figures lag behind by an hour at most. */
export const ANALYTICS_ROLLUP_CRON = '5 * * * *';
export const ANALYTICS_ROLLUP_JOB = 'analytics.rollup';

export interface RollupDeps {
  db: Kysely<Database>;
  clock: Clock;
}

/** What one rollup run did, for logs and tests. */
export interface RollupResult {
  /** The days recomputed, both included (null when there was nothing to roll up yet). */
  from: string | null;
  to: string;
  saltsDeleted: number;
  eventsDeleted: number;
  viewsDeleted: number;
}

/**
 * Fills `nano_daily_stats` for the days from the day before the last run's last day through today
 * (the first run: from the first day with any event, favourite or rating), then forgets what is no
 * longer needed: the salts of the days that are over (so their viewer hashes can never be linked or
 * recomputed) and raw events and view-deduplication rows older than the retention period. One
 * transaction with the state row locked: idempotent, and two runs never interleave.
 */
export async function rollupAnalytics(deps: RollupDeps): Promise<RollupResult> {
  const now = deps.clock.now();
  const today = utcDay(now);
  return deps.db.transaction().execute(async (trx) => {
    const { lastRolledDay } = await repo.lockState(trx);
    let from = lastRolledDay === null ? await repo.earliestSourceDay(trx) : addDays(lastRolledDay, -1);
    if (from !== null && from > today) {
      from = today;
    }
    if (from !== null) {
      await repo.replaceDailyStats(trx, from, today, startOfDay(from), startOfDay(addDays(today, 1)));
    }
    await repo.saveState(trx, today, now);
    const keepFrom = addDays(today, -ANALYTICS_LIMITS.rawEventRetentionDays);
    return {
      from,
      to: today,
      saltsDeleted: await repo.deleteSaltsBefore(trx, today),
      eventsDeleted: await repo.deleteEventsBefore(trx, keepFrom),
      viewsDeleted: await repo.deleteViewDaysBefore(trx, keepFrom),
    };
  });
}
