import { type ReviewQueueType, reviewQueueSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { MODERATION_PAGE_SIZE, MODERATION_REFRESH_MS, moderationQueryKey } from './moderation-keys.ts';

export type ReviewQueuePage = z.infer<typeof reviewQueueSchema>;
export type ReviewQueueItem = ReviewQueuePage['items'][number];
export type ReviewQueueSort = 'oldest' | 'newest';

/**
 * `GET /api/v1/moderation/queue?type=&sort=&page=&pageSize=`: new submissions, updates or
 * sampled versions, with age, SLA state and who holds the review.
 */
export function getReviewQueue(
  type: ReviewQueueType,
  sort: ReviewQueueSort,
  page: number,
  signal?: AbortSignal,
): Promise<ReviewQueuePage> {
  const query = new URLSearchParams({
    type,
    sort,
    page: String(page),
    pageSize: String(MODERATION_PAGE_SIZE),
  });
  return apiFetch(`/api/v1/moderation/queue?${query}`, reviewQueueSchema, { signal });
}

export function useReviewQueue(type: ReviewQueueType, sort: ReviewQueueSort, page: number) {
  return useQuery(
    queryOptions({
      queryKey: [...moderationQueryKey, 'queue', type, sort, page],
      queryFn: ({ signal }) => getReviewQueue(type, sort, page, signal),
      placeholderData: keepPreviousData,
      refetchInterval: MODERATION_REFRESH_MS,
      staleTime: 0,
    }),
  );
}
