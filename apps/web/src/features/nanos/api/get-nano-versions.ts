import { nanoVersionListSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { nanoQueryKey } from '../../../shared/nanos/api/get-nano.ts';

/** `GET /api/v1/nanos/{id}/versions`: every version for owner and staff, the current one for others. */
export function getNanoVersions(id: string, signal?: AbortSignal) {
  return apiFetch(`/api/v1/nanos/${encodeURIComponent(id)}/versions`, nanoVersionListSchema, { signal });
}

export function nanoVersionsQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...nanoQueryKey(id), 'versions'],
    queryFn: ({ signal }) => getNanoVersions(id, signal),
  });
}

export function useNanoVersions(id: string) {
  return useQuery(nanoVersionsQueryOptions(id));
}
