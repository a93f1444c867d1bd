import { type RatingSort, ratingPageSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { nanoQueryKey } from '../../../shared/nanos/api/get-nano.ts';

/** Comments per page under a Nano. */
export const RATINGS_PAGE_SIZE = 10;

/** Every page and sort order of a Nano's ratings (viewer-dependent: `mine`, `helpfulByMe`). */
export const ratingsQueryKey = (nanoId: string) => [...nanoQueryKey(nanoId), 'ratings'] as const;

/** `GET /api/v1/nanos/{id}/ratings?sort=&page=&pageSize=`: the ratings with comments and replies. */
export function getRatings(nanoId: string, sort: RatingSort, page: number, signal?: AbortSignal) {
  const query = new URLSearchParams({ sort, page: String(page), pageSize: String(RATINGS_PAGE_SIZE) });
  return apiFetch(`/api/v1/nanos/${encodeURIComponent(nanoId)}/ratings?${query}`, ratingPageSchema, {
    signal,
  });
}

/** One page; the previous page stays on screen while the next one loads. */
export function useRatings(nanoId: string, sort: RatingSort, page: number) {
  return useQuery(
    queryOptions({
      queryKey: [...ratingsQueryKey(nanoId), sort, page],
      queryFn: ({ signal }) => getRatings(nanoId, sort, page, signal),
      placeholderData: keepPreviousData,
    }),
  );
}
