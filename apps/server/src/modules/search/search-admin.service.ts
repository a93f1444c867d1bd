import type { SearchAnalytics, SearchHit } from '@nano/contracts';
import { sql } from 'kysely';
import { AppError } from '../../errors.ts';
import type { AuthContext } from '../identity/session.service.ts';
import type { SearchDeps } from './search.deps.ts';
import { bumpGeneration, featuredIds } from './search.repository.ts';
import { toHits } from './search.service.ts';

/** Nanos on the home page's "Empfohlen" block at most. */
export const FEATURED_MAX = 12;
/** Rows of the top and zero-result query tables. */
export const ANALYTICS_TOP = 20;
/** Days the analytics cover when no range is given. */
export const ANALYTICS_DEFAULT_DAYS = 30;
/** Longest range the analytics answer in one request. */
export const ANALYTICS_MAX_DAYS = 366;

export async function listFeatured(deps: SearchDeps): Promise<SearchHit[]> {
  return toHits(deps, await deps.index.byIds(await featuredIds(deps.db)));
}

/** Puts a findable Nano on the home page (at the end); idempotent. */
export async function addFeatured(deps: SearchDeps, auth: AuthContext, nanoId: string): Promise<void> {
  if ((await deps.index.byIds([nanoId])).length === 0) {
    throw new AppError('not_found');
  }
  await deps.db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('featured_nanos').select('nano_id').forUpdate().execute();
    if (rows.some((row) => row.nano_id === nanoId)) {
      return;
    }
    if (rows.length >= FEATURED_MAX) {
      throw new AppError('conflict', { detail: 'featured_limit' });
    }
    await trx
      .insertInto('featured_nanos')
      .values({
        nano_id: nanoId,
        position: rows.length + 1,
        created_by: auth.userId,
        created_at: deps.clock.now(),
      })
      .execute();
    await deps.audit.record(
      { actorId: auth.userId, action: 'search.featured_added', targetType: 'nano', targetId: nanoId },
      trx,
    );
  });
  await bumpGeneration(deps.db);
}

export async function removeFeatured(deps: SearchDeps, auth: AuthContext, nanoId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('featured_nanos').where('nano_id', '=', nanoId).executeTakeFirst();
    if (Number(removed.numDeletedRows) > 0) {
      await deps.audit.record(
        { actorId: auth.userId, action: 'search.featured_removed', targetType: 'nano', targetId: nanoId },
        trx,
      );
    }
  });
  await bumpGeneration(deps.db);
}

const DAY_MS = 86_400_000;

/** Top queries, zero-result queries and click-through between two days (inclusive, UTC). */
export async function searchAnalytics(
  deps: SearchDeps,
  range: { from?: string; to?: string },
): Promise<SearchAnalytics> {
  const today = deps.clock.now().toISOString().slice(0, 10);
  const to = range.to ?? today;
  const from =
    range.from ?? new Date(Date.parse(to) - (ANALYTICS_DEFAULT_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS;
  if (days < 0) {
    throw new AppError('validation_failed', { fieldErrors: [{ field: 'query.from', code: 'date_range' }] });
  }
  if (days >= ANALYTICS_MAX_DAYS) {
    throw new AppError('validation_failed', { fieldErrors: [{ field: 'query.from', code: 'too_big' }] });
  }
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS);
  const inRange = sql`created_at >= ${start} and created_at < ${end}`;
  const totals = await sql<{ searches: number | string; clicks: number | string }>`
    select (select count(*) from search_queries where ${inRange}) as searches,
           (select count(*) from search_clicks where ${inRange}) as clicks
  `.execute(deps.db);
  const top = await sql<{
    query: string;
    searches: number | string;
    avg_results: number | string;
    clicks: number | string;
  }>`
    with q as (
      select query_norm, count(*) as searches, avg(result_count) as avg_results
        from search_queries where ${inRange} group by query_norm
    ), c as (
      select query_norm, count(*) as clicks from search_clicks where ${inRange} group by query_norm
    )
    select q.query_norm as query, q.searches, q.avg_results, coalesce(c.clicks, 0) as clicks
      from q left join c using (query_norm)
     order by q.searches desc, q.query_norm limit ${ANALYTICS_TOP}
  `.execute(deps.db);
  const zero = await sql<{ query: string; searches: number | string }>`
    select query_norm as query, count(*) as searches from search_queries
     where ${inRange} and result_count = 0 group by query_norm
     order by count(*) desc, query_norm limit ${ANALYTICS_TOP}
  `.execute(deps.db);
  const searches = Number(totals.rows[0]?.searches ?? 0);
  const clicks = Number(totals.rows[0]?.clicks ?? 0);
  return {
    from,
    to,
    searches,
    clicks,
    clickThroughRate: searches === 0 ? 0 : Math.min(1, clicks / searches),
    topQueries: top.rows.map((row) => ({
      query: row.query,
      searches: Number(row.searches),
      avgResults: Math.round(Number(row.avg_results) * 10) / 10,
      clicks: Number(row.clicks),
    })),
    zeroResultQueries: zero.rows.map((row) => ({ query: row.query, searches: Number(row.searches) })),
  };
}
