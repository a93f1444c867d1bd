import { type CreatorAnalytics, creatorAnalyticsSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

/** What the dashboard asks for: UTC days `from`..`to` (both included), optionally one own Nano. */
export interface CreatorAnalyticsQuery {
  from: string;
  to: string;
  nanoId?: string | undefined;
}

/** `GET /api/v1/me/analytics?from=&to=&nanoId=`: the creator's figures by day and by Nano. */
export function getCreatorAnalytics(
  query: CreatorAnalyticsQuery,
  signal?: AbortSignal,
): Promise<CreatorAnalytics> {
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.nanoId) {
    params.set('nanoId', query.nanoId);
  }
  return apiFetch(`/api/v1/me/analytics?${params}`, creatorAnalyticsSchema, { signal });
}

export function useCreatorAnalytics(query: CreatorAnalyticsQuery) {
  return useQuery(
    queryOptions({
      queryKey: [privateQueryKeyPrefix, 'analytics', query.from, query.to, query.nanoId ?? null],
      queryFn: ({ signal }) => getCreatorAnalytics(query, signal),
      // Switching the range or the Nano keeps the old figures on screen (dimmed) until the new ones arrive.
      placeholderData: keepPreviousData,
    }),
  );
}
