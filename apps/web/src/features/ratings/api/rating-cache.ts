import type { Rating } from '@nano/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { nanoQueryKey } from '../../../shared/nanos/api/get-nano.ts';
import { myRatingsQueryKey } from './get-my-ratings.ts';
import { ratingSummaryQueryKey } from './get-rating-summary.ts';
import { ratingsQueryKey } from './get-ratings.ts';
import { receivedRatingsQueryKey } from './get-received-ratings.ts';

interface RatingPage<T> {
  items: T[];
}

/**
 * After a change to one rating that does not move it (a reply, a helpful vote): the rating is
 * updated in place in every cached list that shows it, so it stays where the reader is (a
 * refetch would drop an answered comment from "Nur unbeantwortete" or reorder "Hilfreichste"
 * under the pointer). The lists are marked stale and load afresh on the next visit.
 */
export async function patchRatingInCaches(
  queryClient: QueryClient,
  rating: Pick<Rating, 'id' | 'nanoId'>,
  patch: Partial<Rating>,
): Promise<void> {
  const update = <T extends { id: string }>(page: RatingPage<T> | undefined) =>
    page && {
      ...page,
      items: page.items.map((item) => (item.id === rating.id ? { ...item, ...patch } : item)),
    };
  const keys = [ratingsQueryKey(rating.nanoId), myRatingsQueryKey, receivedRatingsQueryKey];
  for (const queryKey of keys) {
    queryClient.setQueriesData<RatingPage<Rating>>({ queryKey }, update);
  }
  await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey, refetchType: 'none' })));
}

/**
 * After the caller's own rating changed (saved or deleted): the Nano (its average and count in
 * the header), the summary, the comment lists and "Meine Bewertungen" load again.
 */
export async function refreshAfterOwnRating(queryClient: QueryClient, nanoId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: nanoQueryKey(nanoId), exact: true }),
    queryClient.invalidateQueries({ queryKey: ratingSummaryQueryKey(nanoId) }),
    queryClient.invalidateQueries({ queryKey: ratingsQueryKey(nanoId) }),
    queryClient.invalidateQueries({ queryKey: myRatingsQueryKey }),
  ]);
}
