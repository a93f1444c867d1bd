import { reviewQueueSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

/** Rows per page of the queue. */
export const QUEUE_PAGE_SIZE = 20;

export const reviewQueueQueryKey = [privateQueryKeyPrefix, 'moderation', 'queue'] as const;

/** `GET /api/v1/moderation/queue`: versions waiting for review, oldest first, with age and SLA state. */
export function getReviewQueue(page: number, signal?: AbortSignal) {
  const query = new URLSearchParams({ page: String(page), pageSize: String(QUEUE_PAGE_SIZE) });
  return apiFetch(`/api/v1/moderation/queue?${query}`, reviewQueueSchema, { signal });
}

/** The queue, refreshed every minute (ages grow, new submissions arrive). */
export function useReviewQueue(page: number) {
  return useQuery(
    queryOptions({
      queryKey: [...reviewQueueQueryKey, page],
      queryFn: ({ signal }) => getReviewQueue(page, signal),
      placeholderData: keepPreviousData,
      refetchInterval: 60_000,
      staleTime: 0,
    }),
  );
}
