import { type RetentionReport, retentionReportSchema } from '@nano/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { adminQueryKey, privacyAdminQueryKey } from './keys.ts';

export type { RetentionReport };

const previewKey = [...privacyAdminQueryKey, 'retention', 'preview'] as const;

/** `GET /api/v1/admin/retention/preview`: a dry run — what each retention job would do now. */
export function getRetentionPreview(signal?: AbortSignal): Promise<RetentionReport> {
  return apiFetch('/api/v1/admin/retention/preview', retentionReportSchema, { signal });
}

export function useRetentionPreview() {
  return useQuery(
    queryOptions({ queryKey: previewKey, queryFn: ({ signal }) => getRetentionPreview(signal) }),
  );
}

/** `POST /api/v1/admin/retention/run` {}: runs every retention job now and answers with what it did. */
export function runRetention(): Promise<RetentionReport> {
  return apiFetch('/api/v1/admin/retention/run', retentionReportSchema, { method: 'POST', json: {} });
}

export function useRunRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runRetention,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminQueryKey }),
  });
}
