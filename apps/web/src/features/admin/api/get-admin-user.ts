import { type AdminUserDetail, adminUserDetailSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { adminUsersQueryKey } from './get-admin-users.ts';

export type { AdminUserDetail };

export function adminUserQueryKey(id: string) {
  return [...adminUsersQueryKey, 'detail', id] as const;
}

/** `GET /api/v1/admin/users/{id}`: the account with counts, verification, decisions and recent audit events. */
export function getAdminUser(id: string, signal?: AbortSignal): Promise<AdminUserDetail> {
  return apiFetch(`/api/v1/admin/users/${encodeURIComponent(id)}`, adminUserDetailSchema, { signal });
}

export function useAdminUser(id: string) {
  return useQuery(
    queryOptions({
      queryKey: adminUserQueryKey(id),
      queryFn: ({ signal }) => getAdminUser(id, signal),
    }),
  );
}
