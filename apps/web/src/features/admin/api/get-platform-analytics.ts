import { type PlatformAnalytics, platformAnalyticsSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

export type { PlatformAnalytics };

/** UTC days `from`..`to`, both included. */
export interface DayRange {
  from: string;
  to: string;
}

/** `GET /api/v1/admin/analytics?from=&to=`: the platform's figures of a range (admins). */
export function getPlatformAnalytics(range: DayRange, signal?: AbortSignal): Promise<PlatformAnalytics> {
  return apiFetch(
    `/api/v1/admin/analytics?${new URLSearchParams({ from: range.from, to: range.to })}`,
    platformAnalyticsSchema,
    { signal },
  );
}

export function usePlatformAnalytics(range: DayRange) {
  return useQuery(
    queryOptions({
      queryKey: [privateQueryKeyPrefix, 'admin', 'analytics', range.from, range.to],
      queryFn: ({ signal }) => getPlatformAnalytics(range, signal),
      placeholderData: keepPreviousData,
    }),
  );
}
