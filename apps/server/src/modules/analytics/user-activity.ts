import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { utcDay } from './analytics-days.ts';

/** Users remembered as "seen today" per process before the memory is cleared (it refills from one insert each). */
export const ACTIVITY_SEEN_MAX = 100_000;

/** Records that a user was active today, for daily/weekly/monthly active users. */
export interface ActivityTracker {
  /**
   * At most one insert per user and UTC day per process (`on conflict do nothing` across
   * processes). Never throws: a failure is logged and retried on the user's next request.
   */
  track(userId: string): Promise<void>;
}

/** Creates the tracker over its table (`user_activity_days`, owned by the analytics module). */
export function createActivityTracker(deps: {
  db: Kysely<Database>;
  clock: Clock;
  onError?: (error: unknown) => void;
}): ActivityTracker {
  let seenDay = '';
  const seen = new Set<string>();
  return {
    async track(userId) {
      const day = utcDay(deps.clock.now());
      if (day !== seenDay || seen.size >= ACTIVITY_SEEN_MAX) {
        seen.clear();
        seenDay = day;
      }
      if (seen.has(userId)) {
        return;
      }
      seen.add(userId);
      try {
        await deps.db
          .insertInto('user_activity_days')
          .values({ user_id: userId, day })
          .onConflict((oc) => oc.columns(['day', 'user_id']).doNothing())
          .execute();
      } catch (error) {
        seen.delete(userId);
        deps.onError?.(error);
      }
    },
  };
}

/**
 * Counts every signed-in user's request towards today's activity, after the response is sent,
 * so tracking never delays or fails a request. Not encapsulated: it applies to every route.
 */
export const userActivityPlugin = fp<{ tracker: ActivityTracker }>(
  async (app: FastifyInstance, { tracker }) => {
    app.addHook('onResponse', async (request) => {
      if (request.auth) {
        await tracker.track(request.auth.userId);
      }
    });
  },
  { name: 'user-activity' },
);
