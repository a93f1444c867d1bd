import { MODERATION_QUEUES, type ModerationOverview } from '@nano/contracts';
import type { Kysely } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { moderationOverview } from './overview.service.ts';

/** One scrape reads the queues once for both gauges (prom-client collects them concurrently). */
const SNAPSHOT_REUSE_MS = 1000;
const HOUR_SECONDS = 3600;

/**
 * The moderation queues in Prometheus, computed on each scrape from {@link moderationOverview}:
 *
 * - `moderation_queue_size{queue}`: items waiting (queue = new, update, sampled, flags,
 *   held_messages, takedowns, appeals)
 * - `moderation_queue_oldest_age_seconds{queue}`: age of the oldest waiting item (0 when empty)
 *
 * The SLA alert (SPEC §4.6: no item older than 48 h = MODERATION_LIMITS.slaAlertHours), for the
 * Prometheus rules of issue 10:
 *
 *     max by (queue) (moderation_queue_oldest_age_seconds) > 48 * 3600
 *
 * Every instance exports the same values (they come from the shared database), hence `max`.
 * When the database is down the scrape still answers, with the last values (readiness reports it).
 */
export function registerModerationMetrics(
  registry: Registry,
  deps: { db: Kysely<Database>; clock: Clock },
): void {
  let snapshot: { at: number; overview: Promise<ModerationOverview> } | undefined;
  const current = (): Promise<ModerationOverview> => {
    const at = Date.now();
    if (!snapshot || at - snapshot.at > SNAPSHOT_REUSE_MS) {
      snapshot = { at, overview: moderationOverview(deps.db, deps.clock.now()) };
    }
    return snapshot.overview;
  };

  const size = new Gauge({
    name: 'moderation_queue_size',
    help: 'Items waiting in each moderation queue',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      try {
        for (const queue of (await current()).queues) {
          this.set({ queue: queue.queue }, queue.count);
        }
      } catch {
        // The database being down is reported by readiness; the scrape itself must still work.
      }
    },
  });
  const oldest = new Gauge({
    name: 'moderation_queue_oldest_age_seconds',
    help: 'Age in seconds of the oldest item in each moderation queue (0 when empty)',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      try {
        for (const queue of (await current()).queues) {
          this.set({ queue: queue.queue }, Math.round((queue.oldestAgeHours ?? 0) * HOUR_SECONDS));
        }
      } catch {
        // As above: keep the last values.
      }
    },
  });
  // Every queue has a series from the start, so the alert has data before the first scrape succeeds.
  for (const queue of MODERATION_QUEUES) {
    size.set({ queue }, 0);
    oldest.set({ queue }, 0);
  }
}
