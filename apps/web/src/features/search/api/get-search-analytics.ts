import { type SearchAnalytics, searchAnalyticsSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

/** A date range of the analytics, as ISO dates (`2026-05-01`), both days included. */
export interface DateRange {
  from: string;
  to: string;
}

/** `GET /api/v1/admin/search-analytics?from=&to=`: searches, clicks, top and zero-result queries (admins). */
export function getSearchAnalytics(range: DateRange, signal?: AbortSignal): Promise<SearchAnalytics> {
  return apiFetch(
    `/api/v1/admin/search-analytics?${new URLSearchParams({ from: range.from, to: range.to })}`,
    searchAnalyticsSchema,
    { signal },
  );
}

export function useSearchAnalytics(range: DateRange) {
  return useQuery(
    queryOptions({
      queryKey: [privateQueryKeyPrefix, 'admin', 'search-analytics', range.from, range.to],
      queryFn: ({ signal }) => getSearchAnalytics(range, signal),
      placeholderData: keepPreviousData,
    }),
  );
}
