import { type RatingSummary, ratingSummarySchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { nanoQueryKey } from '../../../shared/nanos/api/get-nano.ts';

/**
 * Under the Nano's key: the answer depends on who asks (`mine`, `canRate`), and the Nano's
 * keys are dropped whenever the signed-in user changes.
 */
export const ratingSummaryQueryKey = (nanoId: string) => [...nanoQueryKey(nanoId), 'rating-summary'] as const;

/** `GET /api/v1/nanos/{id}/rating-summary`: average, count, distribution, the caller's own rating. */
export function getRatingSummary(nanoId: string, signal?: AbortSignal): Promise<RatingSummary> {
  return apiFetch(`/api/v1/nanos/${encodeURIComponent(nanoId)}/rating-summary`, ratingSummarySchema, {
    signal,
  });
}

export function useRatingSummary(nanoId: string) {
  return useQuery(
    queryOptions({
      queryKey: ratingSummaryQueryKey(nanoId),
      queryFn: ({ signal }) => getRatingSummary(nanoId, signal),
    }),
  );
}
