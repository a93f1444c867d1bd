import type { Discover, SavedSearch, SearchAnalytics, SearchHit, SearchResult } from '@nano/contracts';

/** A Nano as a search result card shows it. */
export function createSearchHit(overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    id: crypto.randomUUID(),
    title: 'Excel-Pivot-Tabellen in 10 Minuten',
    excerpt: 'Daten auswerten mit Pivot-Tabellen.',
    thumbnailUrl: null,
    creator: { username: 'bildungswerk', displayName: 'Bildungswerk Nord', verified: true },
    level: 1,
    durationMinutes: 10,
    language: 'de',
    format: 'mixed',
    license: 'CC-BY-4.0',
    ratingAverage: 4.2,
    ratingCount: 15,
    favoriteCount: 42,
    publishedAt: '2026-05-01T08:00:00.000Z',
    ...overrides,
  };
}

/** An answer of `GET /search`; facets empty unless given. */
export function createSearchResult(overrides: Partial<SearchResult> = {}): SearchResult {
  const items = overrides.items ?? [createSearchHit()];
  return {
    items,
    total: items.length,
    page: 1,
    pageSize: 20,
    facets: { category: [], level: [], language: [], format: [], license: [], duration: [] },
    ...overrides,
  };
}

/** A saved search as `GET /me/saved-searches` lists it. */
export function createSavedSearch(overrides: Partial<SavedSearch> = {}): SavedSearch {
  return {
    id: crypto.randomUUID(),
    name: 'Excel für Einsteiger',
    filters: {
      q: 'excel',
      category: [],
      level: [1],
      language: ['de'],
      format: [],
      license: [],
      sort: 'rating',
    },
    alert: false,
    createdAt: '2026-05-01T08:00:00.000Z',
    ...overrides,
  };
}

/** An answer of `GET /discover` for a guest, with empty blocks unless given. */
export function createDiscover(overrides: Partial<Discover> = {}): Discover {
  return { forYou: null, newest: [], trending: [], topRated: [], featured: [], ...overrides };
}

/** An answer of `GET /admin/search-analytics`. */
export function createSearchAnalytics(overrides: Partial<SearchAnalytics> = {}): SearchAnalytics {
  return {
    from: '2026-04-05',
    to: '2026-05-04',
    searches: 1250,
    clicks: 400,
    clickThroughRate: 0.32,
    topQueries: [
      { query: 'excel', searches: 300, avgResults: 12.5, clicks: 120 },
      { query: 'python', searches: 150, avgResults: 8, clicks: 40 },
    ],
    zeroResultQueries: [{ query: 'sap hana', searches: 12 }],
    ...overrides,
  };
}
