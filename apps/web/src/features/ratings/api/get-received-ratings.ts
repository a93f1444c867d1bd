import { ratingWithNanoPageSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';
import { MY_RATINGS_PAGE_SIZE } from './get-my-ratings.ts';

/** Private to the signed-in creator: dropped from the cache on sign-out. */
export const receivedRatingsQueryKey = [privateQueryKeyPrefix, 'received-ratings'] as const;

/** What the creator's inbox shows: one Nano or all, only comments without reply or all. */
export interface ReceivedRatingsFilter {
  nanoId: string | null;
  unanswered: boolean;
  page: number;
}

/** `GET /api/v1/me/received-ratings?nanoId=&unanswered=true&page=`: ratings on the caller's Nanos, newest first. */
export function getReceivedRatings(
  { nanoId, unanswered, page }: ReceivedRatingsFilter,
  signal?: AbortSignal,
) {
  const query = new URLSearchParams({ page: String(page), pageSize: String(MY_RATINGS_PAGE_SIZE) });
  if (nanoId) {
    query.set('nanoId', nanoId);
  }
  if (unanswered) {
    query.set('unanswered', 'true');
  }
  return apiFetch(`/api/v1/me/received-ratings?${query}`, ratingWithNanoPageSchema, { signal });
}

export function useReceivedRatings(filter: ReceivedRatingsFilter) {
  return useQuery(
    queryOptions({
      queryKey: [...receivedRatingsQueryKey, filter],
      queryFn: ({ signal }) => getReceivedRatings(filter, signal),
      placeholderData: keepPreviousData,
    }),
  );
}
