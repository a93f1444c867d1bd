import { createHash } from 'node:crypto';
import {
  type CategoryTree,
  type Discover,
  SEARCH_LIMITS,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type Suggestion,
} from '@nano/contracts';
import { thumbnailUrl } from '../catalog/catalog.presenter.ts';
import { mostViewedSince } from '../catalog/catalog.repository.ts';
import type { AuthContext } from '../identity/session.service.ts';
import { findUserIdByUsername, getInterests, getUserCards } from '../identity/user-cards.ts';
import type { SearchDeps } from './search.deps.ts';
import * as repo from './search.repository.ts';
import type { IndexedNano, IndexQuery, IndexResult } from './search-index.ts';

/** How long a search answer or the discover blocks stay in the shared cache. */
export const SEARCH_CACHE_TTL_MS = 30_000;
export const DISCOVER_CACHE_TTL_MS = 60_000;
/** Categories among the autocomplete suggestions at most. */
const SUGGEST_CATEGORIES_MAX = 2;

/** Lower case, accents folded, spaces collapsed: the form in which queries are logged and compared. */
export function normaliseQuery(q: string): string {
  return q.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

async function cached<T>(
  deps: SearchDeps,
  key: string,
  ttlMs: number,
  compute: () => Promise<T>,
): Promise<T> {
  const fullKey = `search:${await repo.currentGeneration(deps.db)}:${key}`;
  const hit = await deps.cache.get(fullKey);
  if (hit) {
    return JSON.parse(hit) as T;
  }
  const value = await compute();
  await deps.cache.set(fullKey, JSON.stringify(value), ttlMs);
  return value;
}

/** Result cards with creator names and badges. */
export async function toHits(deps: Pick<SearchDeps, 'db'>, nanos: IndexedNano[]): Promise<SearchHit[]> {
  const cards = await getUserCards(
    deps.db,
    nanos.map((n) => n.creatorId),
  );
  return nanos.map((nano) => {
    const card = cards.get(nano.creatorId);
    return {
      id: nano.nanoId,
      title: nano.title,
      excerpt: nano.excerpt,
      thumbnailUrl: thumbnailUrl({ id: nano.nanoId, thumbnail_key: nano.thumbnailKey }),
      creator: {
        username: card?.username ?? '',
        displayName: card?.displayName ?? '',
        verified: card?.verified ?? false,
      },
      level: nano.level,
      durationMinutes: nano.durationMinutes,
      language: nano.language as SearchHit['language'],
      format: nano.format as SearchHit['format'],
      license: nano.license as SearchHit['license'],
      ratingAverage: nano.ratingAverage === null ? null : Math.round(nano.ratingAverage * 10) / 10,
      ratingCount: nano.ratingCount,
      favoriteCount: nano.favoriteCount,
      publishedAt: nano.publishedAt.toISOString(),
    };
  });
}

/** The query as the index takes it: creator resolved, paging turned into offset and limit. */
export async function toIndexQuery(
  deps: Pick<SearchDeps, 'db'>,
  query: Omit<SearchQuery, 'page' | 'pageSize' | 'exact'>,
  paging: { offset: number; limit: number },
): Promise<IndexQuery> {
  const { creator, ...filters } = query;
  return {
    ...filters,
    ...paging,
    ...(creator !== undefined ? { creatorId: (await findUserIdByUsername(deps.db, creator)) ?? null } : {}),
  };
}

async function runSearch(deps: SearchDeps, query: SearchQuery): Promise<SearchResult> {
  const paging = { offset: (query.page - 1) * query.pageSize, limit: query.pageSize };
  const { exact, ...filters } = query;
  const indexQuery = await toIndexQuery(deps, filters, paging);
  let result: IndexResult = await deps.index.search(indexQuery);
  let didYouMean: string | undefined;
  let corrected = false;
  if (query.q && !exact && result.total < SEARCH_LIMITS.typoFallbackBelow) {
    const correction = await deps.index.correct(query.q);
    if (correction) {
      const alternative = await deps.index.search({ ...indexQuery, q: correction });
      if (alternative.total > result.total) {
        didYouMean = correction;
        if (result.total === 0) {
          result = alternative;
          corrected = true;
        }
      }
    }
  }
  return {
    items: await toHits(deps, result.hits),
    total: result.total,
    page: query.page,
    pageSize: query.pageSize,
    facets: result.facets,
    ...(didYouMean ? { didYouMean } : {}),
    ...(corrected ? { corrected } : {}),
  };
}

/** Full-text search with filters, facets and typo fallback; page-1 queries are logged anonymously. */
export async function search(deps: SearchDeps, query: SearchQuery): Promise<SearchResult> {
  // Every viewer sees the same public catalogue, so one cached answer serves all of them.
  const key = createHash('sha256').update(JSON.stringify(query)).digest('base64url');
  const result = await cached(deps, `q:${key}`, SEARCH_CACHE_TTL_MS, () => runSearch(deps, query));
  if (query.page === 1 && query.q) {
    const { q, page: _page, pageSize: _size, exact: _exact, ...filters } = query;
    await repo.insertQuery(deps.db, {
      queryNorm: normaliseQuery(q),
      filters,
      resultCount: result.total,
      at: deps.clock.now(),
    });
  }
  return result;
}

/** Records that a result of a search was opened (no user id: click-through for admins). */
export async function recordClick(
  deps: SearchDeps,
  click: { q: string; nanoId: string; position: number },
): Promise<void> {
  await repo.insertClick(deps.db, {
    queryNorm: normaliseQuery(click.q),
    nanoId: click.nanoId,
    position: click.position,
    at: deps.clock.now(),
  });
}

function categorySuggestions(tree: CategoryTree, prefix: string, locale: 'de' | 'en'): Suggestion[] {
  const folded = normaliseQuery(prefix);
  const matches: Suggestion[] = [];
  for (const parent of tree.items) {
    for (const category of [parent, ...parent.children]) {
      const name = category.name[locale];
      if (
        normaliseQuery(name)
          .split(/[^\p{L}\p{N}]+/u)
          .some((word) => word.startsWith(folded))
      ) {
        matches.push({ kind: 'category', text: name, id: category.id });
      }
    }
  }
  return matches.slice(0, SUGGEST_CATEGORIES_MAX);
}

/** Up to 8 completions: matching categories first, then tags, then titles. */
export async function suggest(deps: SearchDeps, prefix: string, locale: 'de' | 'en'): Promise<Suggestion[]> {
  const categories = categorySuggestions(await deps.taxonomy.getTree(), prefix, locale);
  const rest = await cached(deps, `s:${normaliseQuery(prefix)}`, SEARCH_CACHE_TTL_MS, () =>
    deps.index.suggest(prefix, SEARCH_LIMITS.suggestMax),
  );
  return [...categories, ...rest].slice(0, SEARCH_LIMITS.suggestMax);
}

const BLOCK = SEARCH_LIMITS.discoverBlockSize;
const EMPTY_FILTERS = {
  q: '',
  category: [],
  level: [],
  language: [],
  format: [],
  license: [],
} satisfies Partial<IndexQuery>;

async function sortedBlock(deps: SearchDeps, sort: IndexQuery['sort'], extra: Partial<IndexQuery> = {}) {
  const result = await deps.index.search({
    ...EMPTY_FILTERS,
    sort,
    offset: 0,
    limit: BLOCK,
    withoutFacets: true,
    ...extra,
  });
  return result.hits;
}

/** The home page blocks; "for you" from the user's interests (null for guests). */
export async function discover(deps: SearchDeps, auth: AuthContext | null): Promise<Discover> {
  const shared = await cached(deps, 'discover', DISCOVER_CACHE_TTL_MS, async () => {
    const since = new Date(deps.clock.now().getTime() - SEARCH_LIMITS.trendingDays * 86_400_000);
    // Viewed Nanos may since have been archived: take more candidates than shown.
    const viewed = await mostViewedSince(deps.db, since.toISOString().slice(0, 10), BLOCK * 3);
    const [newest, topRated, trending, featured] = await Promise.all([
      sortedBlock(deps, 'newest'),
      sortedBlock(deps, 'rating', { minRating: 1 }),
      deps.index.byIds(viewed),
      repo.featuredIds(deps.db).then((ids) => deps.index.byIds(ids)),
    ]);
    return {
      newest: await toHits(deps, newest),
      topRated: await toHits(deps, topRated),
      trending: await toHits(deps, trending.slice(0, BLOCK)),
      featured: await toHits(deps, featured),
    };
  });
  let forYou: SearchHit[] | null = null;
  if (auth) {
    const interests = await getInterests(deps.db, auth.userId);
    forYou =
      interests.length === 0
        ? []
        : await toHits(
            deps,
            await sortedBlock(deps, 'rating', { category: interests, excludeCreatorId: auth.userId }),
          );
  }
  return { forYou, ...shared };
}
