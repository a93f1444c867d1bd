import { z } from 'zod';
import { MAX_PAGE_SIZE } from './common.ts';
import {
  NANO_FORMATS,
  NANO_LANGUAGES,
  NANO_LICENSES,
  NANO_LIMITS,
  nanoFormatSchema,
  nanoLanguageSchema,
  nanoLevelSchema,
  nanoLicenseSchema,
} from './nanos.ts';

/** Limits of search and discovery (SPEC §4.3). */
export const SEARCH_LIMITS = {
  /** Longest accepted query text. */
  queryMax: 200,
  /** Results per page unless asked otherwise. */
  pageSizeDefault: 20,
  pageSizeMax: MAX_PAGE_SIZE,
  /** Deepest page served (relevance beyond it is noise; filters narrow better). */
  pageMax: 1000,
  /** Autocomplete: shortest prefix answered and most completions returned. */
  suggestMin: 2,
  suggestMax: 8,
  /** Below this many hits the search also tries a typo correction ("did you mean"). */
  typoFallbackBelow: 5,
  /** Saved searches per user and the length of their name. */
  savedSearchesMax: 20,
  savedSearchNameMax: 100,
  /** Nanos per block of the home page. */
  discoverBlockSize: 8,
  /** Days of views (and favourites) behind "trending". */
  trendingDays: 7,
  /** Characters of text taken from inside a Nano's files for the index. */
  contentTextMax: 100_000,
} as const;

export const SEARCH_SORTS = ['relevance', 'rating', 'newest', 'duration', 'popular'] as const;
export const searchSortSchema = z.enum(SEARCH_SORTS);
export type SearchSort = z.infer<typeof searchSortSchema>;

/** The duration facet's buckets in minutes, inclusive; a bucket's value is "min-max". */
export const DURATION_BUCKETS = [
  { min: 1, max: 5 },
  { min: 6, max: 15 },
  { min: 16, max: 30 },
  { min: 31, max: 60 },
  { min: 61, max: NANO_LIMITS.durationMax },
] as const;

/** What narrows a search; the same shape in a saved search as in the query string. */
export const searchFiltersSchema = z
  .object({
    q: z.string().trim().max(SEARCH_LIMITS.queryMax).default(''),
    /** Category ids; a top-level category includes its children. */
    category: z.array(z.uuid()).max(20).default([]),
    level: z.array(nanoLevelSchema).max(3).default([]),
    language: z.array(nanoLanguageSchema).max(NANO_LANGUAGES.length).default([]),
    format: z.array(nanoFormatSchema).max(NANO_FORMATS.length).default([]),
    license: z.array(nanoLicenseSchema).max(NANO_LICENSES.length).default([]),
    /** A creator's username. */
    creator: z.string().trim().min(1).max(100).optional(),
    durationMin: z.number().int().min(NANO_LIMITS.durationMin).max(NANO_LIMITS.durationMax).optional(),
    durationMax: z.number().int().min(NANO_LIMITS.durationMin).max(NANO_LIMITS.durationMax).optional(),
    minRating: z.number().min(1).max(5).optional(),
    sort: searchSortSchema.default('relevance'),
  })
  .superRefine((value, ctx) => {
    if (
      value.durationMin !== undefined &&
      value.durationMax !== undefined &&
      value.durationMin > value.durationMax
    ) {
      ctx.addIssue({ code: 'custom', path: ['durationMin'], message: 'duration_range' });
    }
  });
export type SearchFilters = z.infer<typeof searchFiltersSchema>;
export type SearchFiltersInput = z.input<typeof searchFiltersSchema>;

/** A repeated query parameter arrives as a string once and as an array when repeated. */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(item));

/** `GET /search` query string: multi-value filters repeat the parameter (`level=1&level=2`). */
export const searchQuerySchema = z
  .object({
    q: z.string().trim().max(SEARCH_LIMITS.queryMax).default(''),
    category: many(z.uuid()).pipe(z.array(z.uuid()).max(20)),
    level: many(z.coerce.number().pipe(nanoLevelSchema)),
    language: many(nanoLanguageSchema),
    format: many(nanoFormatSchema),
    license: many(nanoLicenseSchema),
    creator: z.string().trim().min(1).max(100).optional(),
    durationMin: z.coerce.number().int().min(NANO_LIMITS.durationMin).max(NANO_LIMITS.durationMax).optional(),
    durationMax: z.coerce.number().int().min(NANO_LIMITS.durationMin).max(NANO_LIMITS.durationMax).optional(),
    minRating: z.coerce.number().min(1).max(5).optional(),
    sort: searchSortSchema.default('relevance'),
    page: z.coerce.number().int().min(1).max(SEARCH_LIMITS.pageMax).default(1),
    pageSize: z.coerce
      .number()
      .int()
      .min(1)
      .max(SEARCH_LIMITS.pageSizeMax)
      .default(SEARCH_LIMITS.pageSizeDefault),
    /** `exact=1`: search the text as typed, without the typo fallback ("search for Exel instead"). */
    exact: z.enum(['1', 'true']).optional(),
  })
  .superRefine((value, ctx) => {
    if (
      value.durationMin !== undefined &&
      value.durationMax !== undefined &&
      value.durationMin > value.durationMax
    ) {
      ctx.addIssue({ code: 'custom', path: ['durationMin'], message: 'duration_range' });
    }
  });
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** A Nano as a result card shows it. */
export const searchHitSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  /** The start of the description, for the card. */
  excerpt: z.string(),
  thumbnailUrl: z.string().nullable(),
  creator: z.object({ username: z.string(), displayName: z.string(), verified: z.boolean() }),
  level: nanoLevelSchema,
  durationMinutes: z.number().int(),
  language: nanoLanguageSchema,
  format: nanoFormatSchema,
  license: nanoLicenseSchema,
  ratingAverage: z.number().nullable(),
  ratingCount: z.number().int(),
  favoriteCount: z.number().int(),
  publishedAt: z.iso.datetime(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const facetCountSchema = z.object({ value: z.string(), count: z.number().int() });
export type FacetCount = z.infer<typeof facetCountSchema>;

export const SEARCH_FACETS = ['category', 'level', 'language', 'format', 'license', 'duration'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

export const searchResultSchema = z.object({
  items: z.array(searchHitSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Per filter, the counts on the current result with all other filters applied. */
  facets: z.object({
    category: z.array(facetCountSchema),
    level: z.array(facetCountSchema),
    language: z.array(facetCountSchema),
    format: z.array(facetCountSchema),
    license: z.array(facetCountSchema),
    duration: z.array(facetCountSchema),
  }),
  /** The query with typos corrected, when the query found fewer than 5 Nanos and a correction exists. */
  didYouMean: z.string().optional(),
  /** True when the query found nothing and these are the results of `didYouMean` instead. */
  corrected: z.boolean().optional(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const suggestQuerySchema = z.object({
  q: z.string().trim().min(SEARCH_LIMITS.suggestMin).max(SEARCH_LIMITS.queryMax),
});

export const suggestionSchema = z.object({
  kind: z.enum(['title', 'tag', 'category']),
  text: z.string(),
  /** For a title: the Nano to open; for a category: its id. */
  id: z.uuid().optional(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;
export const suggestResultSchema = z.object({ items: z.array(suggestionSchema) });

/** `POST /search/clicks`: which result of which search was opened (anonymous). */
export const searchClickRequestSchema = z.object({
  q: z.string().trim().max(SEARCH_LIMITS.queryMax),
  nanoId: z.uuid(),
  /** 1-based position in the result list. */
  position: z.number().int().min(1).max(100_000),
});

export const discoverSchema = z.object({
  /** From the user's interests; null for guests. */
  forYou: z.array(searchHitSchema).nullable(),
  newest: z.array(searchHitSchema),
  trending: z.array(searchHitSchema),
  topRated: z.array(searchHitSchema),
  featured: z.array(searchHitSchema),
});
export type Discover = z.infer<typeof discoverSchema>;

export const savedSearchSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  filters: searchFiltersSchema,
  alert: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;
export const savedSearchListSchema = z.object({ items: z.array(savedSearchSchema) });

export const createSavedSearchRequestSchema = z.object({
  name: z.string().trim().min(1).max(SEARCH_LIMITS.savedSearchNameMax),
  filters: searchFiltersSchema,
  alert: z.boolean().default(false),
});
export const updateSavedSearchRequestSchema = z.object({
  name: createSavedSearchRequestSchema.shape.name.optional(),
  alert: z.boolean().optional(),
});

/** `POST /saved-searches/unsubscribe`: the token from an alert e-mail turns that user's alerts off. */
export const unsubscribeRequestSchema = z.object({ token: z.string().min(10).max(500) });
/** How many saved searches had their alert switched off (0 when already off). */
export const unsubscribeResponseSchema = z.object({ unsubscribed: z.number().int() });

export const featuredListSchema = z.object({ items: z.array(searchHitSchema) });

export const searchAnalyticsQuerySchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const searchAnalyticsSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  searches: z.number().int(),
  clicks: z.number().int(),
  /** Share of searches followed by a click on a result, 0–1. */
  clickThroughRate: z.number(),
  topQueries: z.array(
    z.object({
      query: z.string(),
      searches: z.number().int(),
      avgResults: z.number(),
      clicks: z.number().int(),
    }),
  ),
  zeroResultQueries: z.array(z.object({ query: z.string(), searches: z.number().int() })),
});
export type SearchAnalytics = z.infer<typeof searchAnalyticsSchema>;
