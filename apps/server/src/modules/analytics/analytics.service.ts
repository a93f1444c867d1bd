import { ANALYTICS_LIMITS, type CreatorAnalytics, type creatorAnalyticsQuerySchema } from '@nano/contracts';
import type { z } from 'zod';
import { errors } from '../../errors.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { addFigures, distributionOf, NO_FIGURES, presentFigures, summarise } from './analytics.presenter.ts';
import * as repo from './analytics.repository.ts';
import { addDays, dayCount, eachDay, utcDay } from './analytics-days.ts';

type Deps = Pick<ModuleDeps, 'db' | 'clock'>;
type Query = z.output<typeof creatorAnalyticsQuerySchema>;

/**
 * The requested days: `to` defaults to today (UTC), `from` to the default number of days up to `to`.
 * A reversed or too long range is a field error of `from`.
 */
export function resolveRange(query: Pick<Query, 'from' | 'to'>, now: Date): { from: string; to: string } {
  const to = query.to ?? utcDay(now);
  const from = query.from ?? addDays(to, -(ANALYTICS_LIMITS.defaultRangeDays - 1));
  if (from > to) {
    throw errors.field('query.from', 'date_range');
  }
  if (dayCount(from, to) > ANALYTICS_LIMITS.rangeMaxDays) {
    throw errors.field('query.from', 'analytics_range_too_long');
  }
  return { from, to };
}

/**
 * The creator dashboard: figures of the caller's own Nanos over a range of days, from the daily
 * rollups only (never the raw events), plus each Nano's all-time rating distribution. `nanoId`
 * narrows the totals, the days and the overall distribution to one own Nano; another creator's
 * (or a deleted) Nano is not found.
 */
export async function creatorAnalytics(
  deps: Deps,
  creatorId: string,
  query: Query,
): Promise<CreatorAnalytics> {
  const { from, to } = resolveRange(query, deps.clock.now());
  const nanos = await repo.ownNanos(deps.db, creatorId);
  if (query.nanoId !== undefined && !nanos.some((nano) => nano.id === query.nanoId)) {
    throw errors.notFound();
  }
  const scope = { creatorId, ...(query.nanoId === undefined ? {} : { nanoId: query.nanoId }) };
  const [byDay, byNano, ratings, updatedAt] = await Promise.all([
    repo.figuresByDay(deps.db, scope, from, to),
    repo.figuresByNano(deps.db, creatorId, from, to),
    repo.ratingCounts(deps.db, creatorId),
    repo.lastRollupAt(deps.db),
  ]);

  const dayRows = new Map(byDay.map((row) => [row.day, row]));
  const nanoRows = new Map(byNano.map((row) => [row.nano_id, row]));
  const distributions = new Map<string, number[]>(
    nanos.map((nano) => [nano.id, distributionOf(ratings.filter((r) => r.nano_id === nano.id))]),
  );
  const inScope = query.nanoId === undefined ? nanos : nanos.filter((nano) => nano.id === query.nanoId);
  const ratingDistribution = [0, 1, 2, 3, 4].map((index) =>
    inScope.reduce((sum, nano) => sum + (distributions.get(nano.id)?.[index] ?? 0), 0),
  );

  const rows = nanos.map((nano) => {
    const distribution = distributions.get(nano.id) ?? [0, 0, 0, 0, 0];
    const allTime = summarise(distribution);
    return {
      nanoId: nano.id,
      title: nano.title,
      status: nano.status,
      ...presentFigures(nanoRows.get(nano.id) ?? NO_FIGURES),
      ratingDistribution: distribution,
      ratingAverageAllTime: allTime.average,
      ratingCountAllTime: allTime.count,
    };
  });
  rows.sort(
    (a, b) => b.views - a.views || a.title.localeCompare(b.title, 'de') || a.nanoId.localeCompare(b.nanoId),
  );

  return {
    from,
    to,
    updatedAt: updatedAt?.toISOString() ?? null,
    totals: presentFigures(addFigures(byDay)),
    days: eachDay(from, to).map((day) => ({ day, ...presentFigures(dayRows.get(day) ?? NO_FIGURES) })),
    nanos: rows,
    ratingDistribution,
  };
}
