import { auditActionListSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

/** `GET /api/v1/admin/audit/actions`: every action the log knows, for the filter. */
export function getAuditActions(signal?: AbortSignal): Promise<string[]> {
  return apiFetch('/api/v1/admin/audit/actions', auditActionListSchema, { signal }).then(
    (answer) => answer.items,
  );
}

export function useAuditActions() {
  return useQuery(
    queryOptions({
      queryKey: [privateQueryKeyPrefix, 'admin', 'audit-actions'],
      queryFn: ({ signal }) => getAuditActions(signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),
  );
}
