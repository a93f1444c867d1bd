import {
  MODERATION_LIMITS,
  REVIEW_QUEUE_TYPES,
  type ReviewQueueType,
  type reviewQueueSchema,
  type SlaState,
} from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { getUserCards } from '../identity/user-cards.ts';
import type { CatalogDeps } from './catalog.deps.ts';
import * as reviewRepo from './review.repository.ts';
import { activeClaims } from './review-claims.ts';

/** Hours since `at` (never negative), to one decimal. */
export function ageHoursSince(at: Date, now: Date): number {
  return Math.round((Math.max(0, now.getTime() - at.getTime()) / 3_600_000) * 10) / 10;
}

/** ok below the 24 h target, warning up to the 48 h alert, overdue beyond (SPEC §4.6). */
export function slaState(ageHours: number): SlaState {
  if (ageHours < MODERATION_LIMITS.slaTargetHours) {
    return 'ok';
  }
  return ageHours <= MODERATION_LIMITS.slaAlertHours ? 'warning' : 'overdue';
}

type ReviewQueuePage = z.infer<typeof reviewQueueSchema>;

/** One review queue page (`new`, `update` or `sampled`), with age, SLA state and claim. */
export async function reviewQueue(
  deps: CatalogDeps,
  query: { type: ReviewQueueType; sort: 'oldest' | 'newest'; page: number; pageSize: number },
): Promise<ReviewQueuePage> {
  const now = deps.clock.now();
  const [rows, stats] = await Promise.all([
    reviewRepo.listQueue(deps.db, query),
    reviewRepo.queueStats(deps.db, query.type),
  ]);
  const [cards, claims] = await Promise.all([
    getUserCards(
      deps.db,
      rows.map((r) => r.creator_id),
    ),
    activeClaims(
      deps.db,
      rows.map((r) => r.nano_id),
      now,
    ),
  ]);
  return {
    items: rows.map((row) => {
      const at = new Date(row.at);
      const ageHours = ageHoursSince(at, now);
      const card = cards.get(row.creator_id);
      return {
        nanoId: row.nano_id,
        versionId: row.version_id,
        title: row.title,
        creator: { username: card?.username ?? '', displayName: card?.displayName ?? '' },
        type: query.type,
        semver: row.semver ?? '—',
        submittedAt: at.toISOString(),
        ageHours,
        sla: slaState(ageHours),
        claim: claims.get(row.nano_id) ?? null,
      };
    }),
    total: stats.count,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * Size and oldest age of the three review queues: for the workspace overview and the queue
 * metrics (`GET /moderation/overview`, Prometheus gauges).
 */
export async function reviewQueueSummary(
  db: Kysely<Database>,
  now: Date,
): Promise<
  Array<{ queue: ReviewQueueType; count: number; oldestAgeHours: number | null; sla: SlaState | null }>
> {
  return Promise.all(
    REVIEW_QUEUE_TYPES.map(async (queue) => {
      const stats = await reviewRepo.queueStats(db, queue);
      const oldestAgeHours = stats.oldest ? ageHoursSince(stats.oldest, now) : null;
      return {
        queue,
        count: stats.count,
        oldestAgeHours,
        sla: oldestAgeHours === null ? null : slaState(oldestAgeHours),
      };
    }),
  );
}
