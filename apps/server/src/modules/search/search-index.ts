import type { FacetCount, SearchFacet, SearchFilters, Suggestion } from '@nano/contracts';

/** A findable Nano as the index stores it (ids and numbers only; cards are completed by the service). */
export interface IndexedNano {
  nanoId: string;
  creatorId: string;
  title: string;
  excerpt: string;
  thumbnailKey: string | null;
  level: 1 | 2 | 3;
  durationMinutes: number;
  language: string;
  format: string;
  license: string;
  ratingAverage: number | null;
  ratingCount: number;
  favoriteCount: number;
  publishedAt: Date;
}

/** Filters as the index applies them: the creator already resolved to an id. */
export interface IndexQuery extends Omit<SearchFilters, 'creator'> {
  /** Resolved creator; a username that matches no one gives `null` (no results). */
  creatorId?: string | null;
  /** Leaves out this creator's Nanos ("for you" never recommends one's own). */
  excludeCreatorId?: string;
  /** Only Nanos published after this instant (saved-search alerts). */
  publishedAfter?: Date;
  offset: number;
  limit: number;
  /** Skip the facet counts (alerts, discover). */
  withoutFacets?: boolean;
}

export interface IndexResult {
  hits: IndexedNano[];
  total: number;
  facets: Record<SearchFacet, FacetCount[]>;
}

/**
 * The search engine behind the search module (ARCHITECTURE A3). The PostgreSQL implementation
 * keeps its documents in step with the catalog by triggers; another engine could implement the
 * same interface when measurements demand it.
 */
export interface SearchIndex {
  search(query: IndexQuery): Promise<IndexResult>;
  /** For each word of the query, the closest known title word or tag; null when nothing changes. */
  correct(q: string): Promise<string | null>;
  /** Completions for a typed prefix (titles and tags; categories come from the taxonomy). */
  suggest(prefix: string, limit: number): Promise<Suggestion[]>;
  /** Indexed Nanos by id, in the given order (missing ones left out). */
  byIds(ids: string[]): Promise<IndexedNano[]>;
}
