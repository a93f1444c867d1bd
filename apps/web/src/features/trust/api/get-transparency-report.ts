import { transparencyReportSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';

/** `GET /api/v1/transparency-report?year=`: the figures of one calendar year (public). */
export function getTransparencyReport(year: number, signal?: AbortSignal) {
  return apiFetch(
    `/api/v1/transparency-report?${new URLSearchParams({ year: String(year) })}`,
    transparencyReportSchema,
    { signal },
  );
}

export function useTransparencyReport(year: number) {
  return useQuery(
    queryOptions({
      queryKey: ['transparency-report', year],
      queryFn: ({ signal }) => getTransparencyReport(year, signal),
      placeholderData: keepPreviousData,
      // The server caches the report for an hour as well.
      staleTime: 10 * 60_000,
    }),
  );
}
