import type { DemoNano } from './demo-nano.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Published demo Nanos appeared between this many days ago and today. */
export const DEMO_HISTORY_DAYS = 120;
/** The newest publication is this old, so even it has a few views. */
const MIN_PUBLISHED_AGE_DAYS = 3;
/**
 * Hours since submission of the pending Nanos, in turn: within the 24 h review target, close to
 * it, past it, and past the 48 h alert, so the moderation queue shows every SLA state.
 */
const PENDING_AGES_HOURS = [3, 20, 30, 56];
/** Views per day of a published demo Nano, before its own spread. */
const MIN_VIEWS_PER_DAY = 2;
const VIEWS_PER_DAY_SPREAD = 18;

/** When each step of a demo Nano's history happened. */
export interface DemoTimeline {
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  publishedAt: Date | null;
}

/** A stable pseudo-random number in [0, 1) per Nano, so every seed gives the same history. */
function spread(index: number, salt: number): number {
  return (((index + 1) * 7919 + salt * 104_729) % 1000) / 1000;
}

/**
 * The history of the `index`-th demo Nano relative to `now`: published ones spread over the last
 * {@link DEMO_HISTORY_DAYS} days with a review of a few hours to two days, pending ones submitted
 * recently (`pendingRank` picks which SLA state), the others a few days old.
 */
export function demoTimeline(nano: DemoNano, index: number, pendingRank: number, now: Date): DemoTimeline {
  const at = (ms: number) => new Date(now.getTime() - ms);
  switch (nano.status) {
    case 'published': {
      const ageDays =
        MIN_PUBLISHED_AGE_DAYS + Math.floor(spread(index, 1) * (DEMO_HISTORY_DAYS - MIN_PUBLISHED_AGE_DAYS));
      const createdAt = at(ageDays * DAY_MS + Math.floor(spread(index, 2) * 8) * HOUR_MS);
      const submittedAt = new Date(createdAt.getTime() + (1 + Math.floor(spread(index, 3) * 5)) * HOUR_MS);
      const decidedAt = new Date(submittedAt.getTime() + (2 + Math.floor(spread(index, 4) * 40)) * HOUR_MS);
      return { createdAt, updatedAt: decidedAt, submittedAt, decidedAt, publishedAt: decidedAt };
    }
    case 'pending_review': {
      const hours = PENDING_AGES_HOURS[pendingRank % PENDING_AGES_HOURS.length] ?? 1;
      const submittedAt = at(hours * HOUR_MS);
      const createdAt = new Date(submittedAt.getTime() - 26 * HOUR_MS);
      return { createdAt, updatedAt: submittedAt, submittedAt, decidedAt: null, publishedAt: null };
    }
    case 'changes_requested': {
      const submittedAt = at(8 * DAY_MS);
      return {
        createdAt: at(9 * DAY_MS),
        updatedAt: at(7 * DAY_MS),
        submittedAt,
        decidedAt: at(7 * DAY_MS),
        publishedAt: null,
      };
    }
    case 'draft':
      return {
        createdAt: at(2 * DAY_MS),
        updatedAt: at(DAY_MS),
        submittedAt: null,
        decidedAt: null,
        publishedAt: null,
      };
  }
}

/** Plausible view and download counts for a Nano published `publishedAt` (zero until published). */
export function demoCounters(
  nano: DemoNano,
  index: number,
  timeline: DemoTimeline,
  now: Date,
): { views: number; downloads: number } {
  if (!timeline.publishedAt) {
    return { views: 0, downloads: 0 };
  }
  const days = Math.max(1, (now.getTime() - timeline.publishedAt.getTime()) / DAY_MS);
  const views = Math.round(days * (MIN_VIEWS_PER_DAY + spread(index, 5) * VIEWS_PER_DAY_SPREAD));
  const downloads = nano.downloadAllowed ? Math.round(views * (0.05 + spread(index, 6) * 0.2)) : 0;
  return { views, downloads };
}
