import { nanoSummaryPageSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

/** Rows per page of "Meine Nanos". */
export const MY_NANOS_PAGE_SIZE = 20;

/** `GET /api/v1/me/nanos?page=&pageSize=`: the creator's own Nanos in every status but deleted. */
export function getMyNanos(page: number, signal?: AbortSignal) {
  const query = new URLSearchParams({ page: String(page), pageSize: String(MY_NANOS_PAGE_SIZE) });
  return apiFetch(`/api/v1/me/nanos?${query}`, nanoSummaryPageSchema, { signal });
}

export function myNanosQueryOptions(page: number) {
  return queryOptions({
    queryKey: [privateQueryKeyPrefix, 'nanos', page],
    queryFn: ({ signal }) => getMyNanos(page, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMyNanos(page: number) {
  return useQuery(myNanosQueryOptions(page));
}
