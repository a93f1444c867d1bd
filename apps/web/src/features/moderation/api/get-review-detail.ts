import { type ReviewDetail, reviewDetailSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { MODERATION_REFRESH_MS, moderationQueryKey } from './moderation-keys.ts';

export const reviewDetailQueryKey = (nanoId: string) => [...moderationQueryKey, 'review', nanoId] as const;

/** `GET /api/v1/moderation/nanos/{id}`: the version under review, the metadata diff, the creator's history, the claim. */
export function getReviewDetail(nanoId: string, signal?: AbortSignal): Promise<ReviewDetail> {
  return apiFetch(`/api/v1/moderation/nanos/${encodeURIComponent(nanoId)}`, reviewDetailSchema, { signal });
}

/** Refreshed every minute, so that a colleague's claim (or its expiry) shows up. */
export function useReviewDetail(nanoId: string) {
  return useQuery(
    queryOptions({
      queryKey: reviewDetailQueryKey(nanoId),
      queryFn: ({ signal }) => getReviewDetail(nanoId, signal),
      refetchInterval: MODERATION_REFRESH_MS,
    }),
  );
}
