import { type SearchResult, searchResultSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { nanosQueryKeyPrefix } from '../../../shared/nanos/api/get-nano.ts';
import { SEARCH_PAGE_SIZE, type SearchState, searchStateToParams } from './search-params.ts';

/**
 * `GET /api/v1/search`: one page of hits with facet counts and, for few hits, a "did you mean".
 * The query string is the page's own (same parameter names) plus the page size.
 */
export function getSearchResults(state: SearchState, signal?: AbortSignal): Promise<SearchResult> {
  const params = searchStateToParams(state);
  params.set('pageSize', String(SEARCH_PAGE_SIZE));
  return apiFetch(`/api/v1/search?${params}`, searchResultSchema, { signal });
}

/** Under the Nano prefix: what a search finds depends on who asks, so a change of user drops it. */
export function searchResultsQueryOptions(state: SearchState) {
  return queryOptions({
    queryKey: [nanosQueryKeyPrefix, 'search', searchStateToParams(state).toString()],
    queryFn: ({ signal }) => getSearchResults(state, signal),
    // While the next page or filter loads, the current results stay (marked busy) instead of a blank page.
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useSearchResults(state: SearchState) {
  return useQuery(searchResultsQueryOptions(state));
}
