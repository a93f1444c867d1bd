import { z } from 'zod';
import { nanoStatusSchema } from './nanos.ts';

/** Limits of the creator dashboard (SPEC §4.4, §4.8). */
export const ANALYTICS_LIMITS = {
  /** Days shown unless `from` is given. */
  defaultRangeDays: 30,
  /** Longest range one request may cover. */
  rangeMaxDays: 366,
  /** Raw view/download events are kept this many days; the daily rollups stay. */
  rawEventRetentionDays: 30,
} as const;

const isoDay = z.iso.date();

/** `GET /me/analytics?from=&to=&nanoId=` (days as YYYY-MM-DD, UTC, inclusive). */
export const creatorAnalyticsQuerySchema = z.object({
  from: isoDay.optional(),
  to: isoDay.optional(),
  /** Narrows the totals and the daily series to one own Nano. */
  nanoId: z.uuid().optional(),
});

const figures = {
  views: z.number().int(),
  /** Distinct viewers per day, summed over the days (viewers are not linkable across days). */
  uniqueViewers: z.number().int(),
  downloads: z.number().int(),
  /** Favourites added. */
  favorites: z.number().int(),
  /** Ratings given in the range and their average. */
  ratingsCount: z.number().int(),
  ratingAverage: z.number().nullable(),
};

export const analyticsDaySchema = z.object({ day: isoDay, ...figures });

export const analyticsNanoSchema = z.object({
  nanoId: z.uuid(),
  title: z.string(),
  status: nanoStatusSchema,
  ...figures,
  /** All-time rating figures of this Nano (index 0 = 1 star). */
  ratingDistribution: z.array(z.number().int()).length(5),
  ratingAverageAllTime: z.number().nullable(),
  ratingCountAllTime: z.number().int(),
});

export const creatorAnalyticsSchema = z.object({
  from: isoDay,
  to: isoDay,
  /** When the rollup job last ran (figures of the current day may lag behind by up to an hour). */
  updatedAt: z.iso.datetime().nullable(),
  totals: z.object(figures),
  /** One entry per day of the range, zeros included. */
  days: z.array(analyticsDaySchema),
  nanos: z.array(analyticsNanoSchema),
  /** All-time rating distribution over the Nanos in scope (index 0 = 1 star). */
  ratingDistribution: z.array(z.number().int()).length(5),
});
export type CreatorAnalytics = z.infer<typeof creatorAnalyticsSchema>;
