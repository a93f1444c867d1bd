/**
 * Ranking constants of search. They are compiled into SQL functions by migration 0006; a change
 * here needs a new migration that redefines `search_rating_score` / `search_popularity`.
 */

/** Bayesian rating prior: as if every Nano had `weight` extra votes of `mean` stars. */
export const RATING_PRIOR = { mean: 3.5, weight: 10 } as const;

/** Popularity = views + this × favourites. */
export const POPULARITY_FAVORITE_WEIGHT = 5;

/** Weights of ts_rank for the D, C, B, A parts (creator/content, description, tags/categories, title). */
export const RANK_WEIGHTS = [0.1, 0.2, 0.4, 1.0] as const;

/** Relevance is compared at this precision, so near-equal matches fall through to rating and recency. */
export const RANK_PRECISION = 2;

/** Smallest trigram similarity for a typo correction ("pyhton" ~ "python" is 0.27). */
export const TYPO_MIN_SIMILARITY = 0.25;
