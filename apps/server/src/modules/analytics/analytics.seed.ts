import { randomBytes } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Logger } from 'pino';
import type { Seeder } from '../../db/seed.ts';
import type { Platform } from '../../platform/index.ts';
import { DEMO_NANO_CREATORS } from '../catalog/demo-content/nanos.ts';
import * as repo from './analytics.repository.ts';
import type { NanoDailyStatsTable, NanoEventsTable } from './analytics.tables.ts';
import { addDays, dayCount, eachDay, startOfDay, utcDay } from './analytics-days.ts';

/** Days of demo history, today included, so every range up to 60 days has something to show. */
export const DEMO_ANALYTICS_DAYS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Relative traffic by weekday (Sunday first): learning happens at work. */
const WEEKDAY_FACTOR = [0.45, 1.1, 1.15, 1.15, 1.1, 0.9, 0.5];
/** A new Nano reaches its usual audience over about a week. */
const RAMP_UP_DAYS = 6;
/** Share of downloads in the views when the catalog counters give none (≈ 10 %). */
const DEFAULT_DOWNLOAD_SHARE = 0.1;
const EVENT_BATCH = 500;

/** A stable pseudo-random number in [0, 1) for a Nano and a day, so every seed draws the same curves. */
function noise(nanoIndex: number, day: string, salt: number): number {
  let x = (nanoIndex + 1) * 374_761_393 + startOfDay(day).getTime() / DAY_MS + salt * 668_265_263;
  x = Math.imul(x ^ (x >>> 13), 1_274_126_177);
  return ((x ^ (x >>> 16)) >>> 0) / 4_294_967_296;
}

export interface DemoNanoFigures {
  published_at: Date;
  view_count: number;
  download_count: number;
  download_allowed: boolean;
}

/**
 * Plausible figures of one published demo Nano on one day: about the catalog counter's daily
 * average of distinct viewers, fewer at weekends, growing over the first week after publication;
 * views a bit above the viewers; downloads about a tenth of the views (the catalog counters' share).
 */
export function demoDay(
  nano: DemoNanoFigures,
  nanoIndex: number,
  day: string,
  today: string,
): { views: number; uniqueViewers: number; downloads: number } {
  const published = utcDay(nano.published_at);
  if (day < published) {
    return { views: 0, uniqueViewers: 0, downloads: 0 };
  }
  const perDay = nano.view_count / Math.max(1, dayCount(published, today) - 1);
  const age = dayCount(published, day) - 1;
  const ramp = 1 - 0.7 * Math.exp(-age / RAMP_UP_DAYS);
  const weekday = WEEKDAY_FACTOR[startOfDay(day).getUTCDay()] ?? 1;
  const uniqueViewers = Math.round(perDay * ramp * weekday * (0.7 + 0.6 * noise(nanoIndex, day, 1)));
  const views = uniqueViewers + Math.round(uniqueViewers * (0.1 + 0.4 * noise(nanoIndex, day, 2)));
  const share = nano.download_allowed
    ? nano.view_count > 0 && nano.download_count > 0
      ? nano.download_count / nano.view_count
      : DEFAULT_DOWNLOAD_SHARE
    : 0;
  const downloads = Math.round(views * share * (0.5 + noise(nanoIndex, day, 3)));
  return { views, uniqueViewers, downloads };
}

/** Raw events of a day (random viewer hashes that stand for nobody), spread over `from`..`until`. */
function demoEvents(
  nanoId: string,
  day: string,
  figures: { views: number; uniqueViewers: number; downloads: number },
  from: Date,
  until: Date,
): Array<Insertable<NanoEventsTable>> {
  const viewers = Array.from({ length: figures.uniqueViewers }, () => randomBytes(32).toString('hex'));
  const at = (n: number, of: number) =>
    new Date(from.getTime() + Math.floor(((n + 0.5) / of) * (until.getTime() - from.getTime())));
  return [
    ...Array.from({ length: figures.views }, (_, n) => ({
      nano_id: nanoId,
      kind: 'view' as const,
      viewer_hash: viewers[n % viewers.length] ?? null,
      day,
      created_at: at(n, figures.views),
    })),
    ...Array.from({ length: figures.downloads }, (_, n) => ({
      nano_id: nanoId,
      kind: 'download' as const,
      viewer_hash: null,
      day,
      created_at: at(n, figures.downloads),
    })),
  ];
}

/**
 * Gives the published Nanos of the demo creators {@link DEMO_ANALYTICS_DAYS} days of history. The
 * days before yesterday go straight into the rollup table; yesterday and today become raw events,
 * because the hourly rollup recomputes those two days from the events. Favourites and ratings are
 * not invented: those the other seeders (which run before this one) wrote are rolled up for every
 * day, so the dashboard agrees with the counts on the Nano cards and pages. One
 * transaction with the rollup state locked; skipped when the demo Nanos already have figures.
 */
async function seedAnalytics(platform: Platform, logger: Logger): Promise<void> {
  const started = Date.now();
  const db = platform.database.db;
  const nanos = await repo.publishedNanosOf(db, [...DEMO_NANO_CREATORS]);
  if (
    nanos.length === 0 ||
    (await repo.hasDailyStats(
      db,
      nanos.map((nano) => nano.id),
    ))
  ) {
    return;
  }
  const now = platform.clock.now();
  const today = utcDay(now);
  const yesterday = addDays(today, -1);
  const first = addDays(today, -(DEMO_ANALYTICS_DAYS - 1));
  const history: Array<Insertable<NanoDailyStatsTable>> = [];
  const events: Array<Insertable<NanoEventsTable>> = [];
  nanos.forEach((nano, index) => {
    for (const day of eachDay(first, today)) {
      const figures = demoDay(nano, index, day, today);
      if (day < yesterday) {
        if (figures.views > 0) {
          history.push({
            nano_id: nano.id,
            day,
            views: figures.views,
            unique_viewers: figures.uniqueViewers,
            downloads: figures.downloads,
          });
        }
        continue;
      }
      // Today only up to now, in proportion.
      const share = day === today ? (now.getTime() - startOfDay(today).getTime()) / DAY_MS : 1;
      const views = Math.round(figures.views * share);
      const partial = {
        views,
        uniqueViewers:
          views === 0 ? 0 : Math.min(Math.max(1, Math.round(figures.uniqueViewers * share)), views),
        downloads: Math.round(figures.downloads * share),
      };
      const from = new Date(Math.max(startOfDay(day).getTime(), nano.published_at.getTime()));
      const until = day === today ? now : startOfDay(today);
      events.push(...demoEvents(nano.id, day, partial, from, until));
    }
  });

  await db.transaction().execute(async (trx) => {
    await repo.lockState(trx);
    for (let start = 0; start < events.length; start += EVENT_BATCH) {
      await repo.insertEvents(trx, events.slice(start, start + EVENT_BATCH));
    }
    await repo.replaceDailyStats(trx, first, today, startOfDay(first), startOfDay(addDays(today, 1)));
    await repo.addDailyStats(trx, history);
    await repo.saveState(trx, today, now);
  });
  logger.info(
    { nanos: nanos.length, days: DEMO_ANALYTICS_DAYS, events: events.length, ms: Date.now() - started },
    'demo analytics seeded',
  );
}

/** Demo figures for the creator dashboard; after the catalog and feedback seeders (it reads their rows). */
export const analyticsSeeder: Seeder = {
  name: 'analytics',
  background: true,
  async run(platform, _config, logger) {
    await seedAnalytics(platform, logger);
  },
};
