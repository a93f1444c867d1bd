import { type DataExport, dataExportAcceptedSchema, dataExportListSchema } from '@nano/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

export const dataExportsQueryKey = [privateQueryKeyPrefix, 'data-exports'] as const;

/** How often the list is asked again while an export is still being built. */
export const EXPORT_POLL_MS = 5_000;

function inProgress(items: readonly DataExport[] | undefined): boolean {
  return (items ?? []).some((item) => item.status === 'pending' || item.status === 'building');
}

/** `GET /api/v1/me/data-exports`: the caller's exports, polled while one is pending or building. */
export function useDataExports() {
  return useQuery(
    queryOptions({
      queryKey: dataExportsQueryKey,
      queryFn: ({ signal }) => apiFetch('/api/v1/me/data-exports', dataExportListSchema, { signal }),
      refetchInterval: (query) => (inProgress(query.state.data?.items) ? EXPORT_POLL_MS : false),
    }),
  );
}

/** `POST /api/v1/me/data-exports` → 202 {id, status}; the list is loaded again. */
export function useRequestDataExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch('/api/v1/me/data-exports', dataExportAcceptedSchema, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dataExportsQueryKey }),
  });
}
