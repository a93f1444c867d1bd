import {
  ADMIN_LIMITS,
  FLAG_REASONS,
  MODERATION_LIMITS,
  NANO_STATUSES,
  type PlatformAnalytics,
  type SearchAnalytics,
} from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { Registry } from 'prom-client';
import type { Database } from '../../db/database.ts';
import { errors } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import { moderationOverview } from '../moderation/overview.service.ts';
import { addDays, dayCount, eachDay, startOfDay, utcDay } from './analytics-days.ts';
import * as repo from './platform-analytics.repository.ts';

/** What the platform dashboard uses. */
export interface PlatformAnalyticsDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** The search module's query analytics for a range of days (top and zero-result queries). */
  searchAnalytics(range: { from: string; to: string }): Promise<SearchAnalytics>;
  /** This instance's Prometheus registry (request and 5xx counters). */
  metrics: Registry;
}

/** Days of the weekly and monthly active-user windows, ending on the range's last day. */
export const WAU_DAYS = 7;
export const MAU_DAYS = 30;

/** The range asked for, defaulted to the last {@link ADMIN_LIMITS.analyticsDefaultDays} days. */
export function analyticsRange(
  today: string,
  query: { from?: string; to?: string },
): { from: string; to: string } {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -(ADMIN_LIMITS.analyticsDefaultDays - 1));
  if (from > to) {
    throw errors.field('query.from', 'date_range');
  }
  if (dayCount(from, to) > ADMIN_LIMITS.analyticsMaxDays) {
    throw errors.field('query.from', 'admin_analytics_range_too_long');
  }
  return { from, to };
}

/** Requests and 5xx answers this instance has counted since it started (from its own metrics). */
export async function instanceErrorFigures(registry: Registry): Promise<PlatformAnalytics['errors']> {
  const sumOf = async (name: string, sample?: string) => {
    const metric = registry.getSingleMetric(name);
    if (!metric) {
      return 0;
    }
    const { values } = await metric.get();
    return values
      .filter((value) => sample === undefined || (value as { metricName?: string }).metricName === sample)
      .reduce((total, value) => total + value.value, 0);
  };
  const requests = await sumOf('http_request_duration_seconds', 'http_request_duration_seconds_count');
  const serverErrors = await sumOf('http_server_errors_total');
  return { requests, serverErrors, rate: requests === 0 ? 0 : serverErrors / requests };
}

/**
 * The admin dashboard for a range of UTC days (both included): active users (DAU on the last day,
 * WAU and MAU over the 7 and 30 days ending on it, and per day), registrations and uploads per
 * day, Nanos by status (now), the distribution of ratings given in the range, the moderation
 * queues now and the review SLA in the range, flags by reason, top and zero-result searches, and
 * this instance's error rate.
 */
export async function platformAnalytics(
  deps: PlatformAnalyticsDeps,
  query: { from?: string; to?: string },
): Promise<PlatformAnalytics> {
  const now = deps.clock.now();
  const { from, to } = analyticsRange(utcDay(now), query);
  const range = { start: startOfDay(from), end: startOfDay(addDays(to, 1)) };
  const days = eachDay(from, to);
  const daily = (counts: repo.DayCounts) => days.map((day) => ({ day, count: counts.get(day) ?? 0 }));

  const activeDaily = await repo.activeUsersPerDay(deps.db, from, to);
  const wau = await repo.distinctActiveUsers(deps.db, addDays(to, -(WAU_DAYS - 1)), to);
  const mau = await repo.distinctActiveUsers(deps.db, addDays(to, -(MAU_DAYS - 1)), to);
  const registrations = await repo.registrationsPerDay(deps.db, range);
  const uploads = await repo.uploadsPerDay(deps.db, range);
  const statuses = await repo.nanosByStatus(deps.db);
  const stars = await repo.ratingsByStars(deps.db, range);
  const flags = await repo.flagsByReason(deps.db, range);
  const sla = await repo.reviewSlaPerDay(deps.db, range, MODERATION_LIMITS.slaTargetHours);
  const overview = await moderationOverview(deps.db, now);
  const searches = await deps.searchAnalytics({ from, to });

  const slaDaily = days.map((day) => ({ day, decided: 0, withinSla: 0, ...sla.get(day) }));
  const decided = slaDaily.reduce((sum, day) => sum + day.decided, 0);
  const withinSla = slaDaily.reduce((sum, day) => sum + day.withinSla, 0);
  const ages = overview.queues.flatMap((queue) =>
    queue.oldestAgeHours === null ? [] : [queue.oldestAgeHours],
  );
  return {
    from,
    to,
    activeUsers: { dau: activeDaily.get(to) ?? 0, wau, mau, daily: daily(activeDaily) },
    registrations: daily(registrations),
    nanosByStatus: NANO_STATUSES.map((status) => ({ status, count: statuses.get(status) ?? 0 })),
    uploadsPerDay: daily(uploads),
    ratingDistribution: [1, 2, 3, 4, 5].map((value) => ({ stars: value, count: stars.get(value) ?? 0 })),
    moderation: {
      queueSize: overview.queues.reduce((sum, queue) => sum + queue.count, 0),
      oldestAgeHours: ages.length === 0 ? null : Math.max(...ages),
      decided,
      slaHitRate: decided === 0 ? null : withinSla / decided,
      daily: slaDaily,
    },
    flagsByReason: FLAG_REASONS.map((reason) => ({ reason, count: flags.get(reason) ?? 0 })),
    topSearches: searches.topQueries
      .slice(0, ADMIN_LIMITS.analyticsTopSearches)
      .map((row) => ({ query: row.query, count: row.searches })),
    zeroResultSearches: searches.zeroResultQueries
      .slice(0, ADMIN_LIMITS.analyticsTopSearches)
      .map((row) => ({ query: row.query, count: row.searches })),
    errors: await instanceErrorFigures(deps.metrics),
  };
}
