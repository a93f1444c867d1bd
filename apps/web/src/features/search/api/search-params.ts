import {
  NANO_FORMATS,
  NANO_LANGUAGES,
  NANO_LICENSES,
  NANO_LIMITS,
  SEARCH_LIMITS,
  SEARCH_SORTS,
  type SearchFilters,
  type SearchSort,
} from '@nano/contracts';
import { z } from 'zod';

/** What the search page shows: the filters plus the page, all kept in the address bar. */
export type SearchState = SearchFilters & {
  page: number;
  /** Search the text as typed, without the typo correction (the "search for … instead" link). */
  exact?: boolean;
};

/** Results per page (SPEC §4.3). */
export const SEARCH_PAGE_SIZE = SEARCH_LIMITS.pageSizeDefault;
/** The API refuses pages beyond this one. */
export const SEARCH_PAGE_MAX = SEARCH_LIMITS.pageMax;
/** Most categories one search may filter by (as `searchQuerySchema` allows). */
const CATEGORY_FILTER_MAX = 20;
/** Longest creator username accepted as a filter. */
const CREATOR_MAX = 100;

const LEVELS = [1, 2, 3] as const;

/** Filters whose values repeat the parameter (`level=1&level=2`). */
export const MULTI_VALUE_FILTERS = ['category', 'level', 'language', 'format', 'license'] as const;
export type MultiValueFilter = (typeof MULTI_VALUE_FILTERS)[number];

/** The state of a fresh search page: nothing typed, nothing filtered. */
export function emptySearchState(): SearchState {
  return {
    q: '',
    category: [],
    level: [],
    language: [],
    format: [],
    license: [],
    sort: 'relevance',
    page: 1,
  };
}

function oneOf<T extends string | number>(allowed: readonly T[], values: readonly unknown[]): T[] {
  const picked = values.filter((value): value is T => allowed.includes(value as T));
  return [...new Set(picked)];
}

function intBetween(value: string | null, min: number, max: number): number | undefined {
  if (value === null || value.trim() === '') {
    return undefined;
  }
  const number = Number(value);
  return Number.isInteger(number) && number >= min && number <= max ? number : undefined;
}

function numberBetween(value: string | null, min: number, max: number): number | undefined {
  if (value === null || value.trim() === '') {
    return undefined;
  }
  const number = Number(value);
  return Number.isFinite(number) && number >= min && number <= max ? number : undefined;
}

/**
 * Reads the search state from a query string, leniently: a value the API would refuse (an
 * unknown level, a page of 0, a range the wrong way round) is dropped rather than failing the page.
 */
export function searchStateFromParams(params: URLSearchParams): SearchState {
  const creator = params.get('creator')?.trim().slice(0, CREATOR_MAX);
  let durationMin = intBetween(params.get('durationMin'), NANO_LIMITS.durationMin, NANO_LIMITS.durationMax);
  let durationMax = intBetween(params.get('durationMax'), NANO_LIMITS.durationMin, NANO_LIMITS.durationMax);
  if (durationMin !== undefined && durationMax !== undefined && durationMin > durationMax) {
    durationMin = undefined;
    durationMax = undefined;
  }
  const sort = params.get('sort');
  const state: SearchState = {
    q: (params.get('q') ?? '').trim().slice(0, SEARCH_LIMITS.queryMax),
    category: [...new Set(params.getAll('category').filter((id) => z.uuid().safeParse(id).success))].slice(
      0,
      CATEGORY_FILTER_MAX,
    ),
    level: oneOf(LEVELS, params.getAll('level').map(Number)),
    language: oneOf(NANO_LANGUAGES, params.getAll('language')),
    format: oneOf(NANO_FORMATS, params.getAll('format')),
    license: oneOf(NANO_LICENSES, params.getAll('license')),
    sort: SEARCH_SORTS.includes(sort as SearchSort) ? (sort as SearchSort) : 'relevance',
    page: intBetween(params.get('page'), 1, SEARCH_PAGE_MAX) ?? 1,
    ...(params.get('exact') === '1' ? { exact: true } : {}),
  };
  if (creator) {
    state.creator = creator;
  }
  if (durationMin !== undefined) {
    state.durationMin = durationMin;
  }
  if (durationMax !== undefined) {
    state.durationMax = durationMax;
  }
  const minRating = numberBetween(params.get('minRating'), 1, 5);
  if (minRating !== undefined) {
    state.minRating = minRating;
  }
  return state;
}

/**
 * The query string of a search state, with the API's parameter names, in a fixed order and
 * without defaults (no `sort=relevance`, no `page=1`), so that equal searches have equal links.
 */
export function searchStateToParams(state: Partial<SearchState>): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) {
    params.set('q', state.q);
  }
  for (const name of MULTI_VALUE_FILTERS) {
    for (const value of state[name] ?? []) {
      params.append(name, String(value));
    }
  }
  if (state.creator) {
    params.set('creator', state.creator);
  }
  for (const name of ['durationMin', 'durationMax', 'minRating'] as const) {
    const value = state[name];
    if (value !== undefined) {
      params.set(name, String(value));
    }
  }
  if (state.sort && state.sort !== 'relevance') {
    params.set('sort', state.sort);
  }
  if (state.page && state.page > 1) {
    params.set('page', String(state.page));
  }
  if (state.exact) {
    params.set('exact', '1');
  }
  return params;
}

/** The filters of a state, as a saved search stores them (no page). */
export function filtersOf(state: SearchState): SearchFilters {
  const { page: _page, exact: _exact, ...filters } = state;
  return filters;
}

/** Whether anything but the text narrows the search (the chips and "Alle Filter entfernen" show then). */
export function hasActiveFilters(state: SearchFilters): boolean {
  return (
    MULTI_VALUE_FILTERS.some((name) => state[name].length > 0) ||
    state.creator !== undefined ||
    state.durationMin !== undefined ||
    state.durationMax !== undefined ||
    state.minRating !== undefined
  );
}

/** The same search with every filter removed; the text and the sort stay. */
export function withoutFilters(state: SearchState): SearchState {
  return { ...emptySearchState(), q: state.q, sort: state.sort };
}
