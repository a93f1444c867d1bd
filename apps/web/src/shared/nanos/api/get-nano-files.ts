import { nanoFileListSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../api/client.ts';
import { nanoQueryKey } from './get-nano.ts';

/** `GET /api/v1/nanos/{id}/files?version=`: the files in one version's ZIP. */
export function getNanoFiles(nanoId: string, versionId: string, signal?: AbortSignal) {
  const query = new URLSearchParams({ version: versionId });
  return apiFetch(`/api/v1/nanos/${encodeURIComponent(nanoId)}/files?${query}`, nanoFileListSchema, {
    signal,
  });
}

/** A version's files never change (versions are immutable), so they stay cached. */
export function nanoFilesQueryOptions(nanoId: string, versionId: string) {
  return queryOptions({
    queryKey: [...nanoQueryKey(nanoId), 'files', versionId],
    queryFn: ({ signal }) => getNanoFiles(nanoId, versionId, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useNanoFiles(nanoId: string, versionId: string) {
  return useQuery(nanoFilesQueryOptions(nanoId, versionId));
}
