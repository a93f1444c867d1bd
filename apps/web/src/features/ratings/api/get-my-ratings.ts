import { ratingWithNanoPageSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

/** Ratings per page of "Meine Bewertungen" and of the creator's inbox. */
export const MY_RATINGS_PAGE_SIZE = 20;

/** Private to the signed-in user: dropped from the cache on sign-out. */
export const myRatingsQueryKey = [privateQueryKeyPrefix, 'ratings'] as const;

/** `GET /api/v1/me/ratings?page=&pageSize=`: the caller's own ratings, each with its Nano. */
export function getMyRatings(page: number, signal?: AbortSignal) {
  const query = new URLSearchParams({ page: String(page), pageSize: String(MY_RATINGS_PAGE_SIZE) });
  return apiFetch(`/api/v1/me/ratings?${query}`, ratingWithNanoPageSchema, { signal });
}

export function useMyRatings(page: number) {
  return useQuery(
    queryOptions({
      queryKey: [...myRatingsQueryKey, page],
      queryFn: ({ signal }) => getMyRatings(page, signal),
      placeholderData: keepPreviousData,
    }),
  );
}
