import type { ModerationOverview } from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { ageHoursSince, reviewQueueSummary, slaState } from '../catalog/review-queue.ts';
import { heldMessagesSummary } from '../chat/held-messages.stats.ts';
import { openFlagTargetsSummary } from '../flags/flags.stats.ts';
import { openAppealStats, openTakedownStats, type QueueStats } from './overview.repository.ts';

type QueueEntry = ModerationOverview['queues'][number];

function entry(queue: QueueEntry['queue'], stats: QueueStats, now: Date): QueueEntry {
  const oldestAgeHours = stats.count > 0 && stats.oldest ? ageHoursSince(stats.oldest, now) : null;
  return {
    queue,
    count: stats.count,
    oldestAgeHours,
    sla: oldestAgeHours === null ? null : slaState(oldestAgeHours),
  };
}

/**
 * Every moderation queue's size, the age of its oldest item and the SLA colour of that age, in the
 * workspace's tab order: the review queues (catalog), flagged targets (flags), messages held by
 * the chat filter (chat), open takedown notices and open appeals (this module). Each count comes
 * from the owning module's exported summary. Also the source of the queue gauges in /metrics.
 */
export async function moderationOverview(db: Kysely<Database>, now: Date): Promise<ModerationOverview> {
  const reviews = await reviewQueueSummary(db, now);
  const flags = await openFlagTargetsSummary(db);
  const held = await heldMessagesSummary(db);
  const takedowns = await openTakedownStats(db);
  const appeals = await openAppealStats(db);
  return {
    queues: [
      ...reviews,
      entry('flags', flags, now),
      entry('held_messages', held, now),
      entry('takedowns', takedowns, now),
      entry('appeals', appeals, now),
    ],
  };
}
