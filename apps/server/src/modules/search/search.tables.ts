import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from '../../db/database.ts';

type UuidArray = ColumnType<string[], string[], string[]>;
type TextArray = ColumnType<string[], string[], string[]>;
/** A tsvector, written only by SQL (triggers and `to_tsvector`). */
type TsVector = ColumnType<string, never, never>;

/**
 * One row per Nano the public may find, maintained by database triggers from the catalog
 * (migrations 0006, 0007): never written by application code. Only what filters, sorts and
 * facets read, so scanning it stays cheap; the text is in `search_texts`.
 */
export interface SearchDocumentsTable {
  nano_id: string;
  creator_id: string;
  language: string;
  level: number;
  format: string;
  license: string;
  duration_minutes: number;
  /** The Nano's categories and their parents, so a parent filter finds its children. */
  category_ids: UuidArray;
  rating_avg: number | null;
  rating_count: number;
  rating_score: number;
  favorite_count: number;
  view_count: number;
  popularity: number;
  published_at: Date;
}

/** The text side of a search document: what a text query matches and a result card shows. */
export interface SearchTextsTable {
  nano_id: string;
  /** The Nano's language: the configuration its document was parsed in. */
  language: string;
  title: string;
  title_norm: string;
  excerpt: string;
  tags: TextArray;
  thumbnail_key: string | null;
  document: TsVector;
}

/** Words of titles and tags of findable Nanos, with how many Nanos use them. */
export interface SearchTermsTable {
  term: string;
  kind: 'word' | 'tag';
  display: string;
  doc_count: number;
}

/** Text found inside the files of a version, tokenised (weight D). */
export interface NanoVersionTextsTable {
  version_id: string;
  char_count: number;
  content: ColumnType<string, string, string>;
  extracted_at: Timestamp;
}

/** Anonymous query log (no user id by design). */
export interface SearchQueriesTable {
  id: string;
  query_norm: string;
  filters: Json;
  result_count: number;
  created_at: Timestamp;
}

export interface SearchClicksTable {
  id: string;
  query_norm: string;
  nano_id: string;
  position: number;
  created_at: Timestamp;
}

export interface SavedSearchesTable {
  id: string;
  user_id: string;
  name: string;
  filters: Json;
  alert: Generated<boolean>;
  /** Nanos published up to here have been announced by an alert. */
  alerted_until: Timestamp;
  created_at: Timestamp;
}

export interface FeaturedNanosTable {
  nano_id: string;
  position: number;
  created_by: string;
  created_at: Timestamp;
}

export interface SearchTables {
  search_documents: SearchDocumentsTable;
  search_texts: SearchTextsTable;
  search_terms: SearchTermsTable;
  nano_version_texts: NanoVersionTextsTable;
  search_queries: SearchQueriesTable;
  search_clicks: SearchClicksTable;
  saved_searches: SavedSearchesTable;
  featured_nanos: FeaturedNanosTable;
}
