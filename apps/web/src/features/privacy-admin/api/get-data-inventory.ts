import {
  type AdminUserDetail,
  adminUserDetailSchema,
  type DataInventory,
  dataInventorySchema,
} from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { adminQueryKey, privacyAdminQueryKey } from './keys.ts';

export type { AdminUserDetail, DataInventory };

/** `GET /api/v1/admin/users/{id}/data-inventory`: counts per data category and what erasure does with each. */
export function getDataInventory(id: string, signal?: AbortSignal): Promise<DataInventory> {
  return apiFetch(`/api/v1/admin/users/${encodeURIComponent(id)}/data-inventory`, dataInventorySchema, {
    signal,
  });
}

export function useDataInventory(id: string) {
  return useQuery(
    queryOptions({
      queryKey: [...privacyAdminQueryKey, 'inventory', id],
      queryFn: ({ signal }) => getDataInventory(id, signal),
    }),
  );
}

/**
 * `GET /api/v1/admin/users/{id}`: who the inventory belongs to (name, status). Cached under the
 * same key as the admin user page, so either page's actions refresh both.
 */
export function getInventoryOwner(id: string, signal?: AbortSignal): Promise<AdminUserDetail> {
  return apiFetch(`/api/v1/admin/users/${encodeURIComponent(id)}`, adminUserDetailSchema, { signal });
}

export function useInventoryOwner(id: string) {
  return useQuery(
    queryOptions({
      queryKey: [...adminQueryKey, 'users', 'detail', id],
      queryFn: ({ signal }) => getInventoryOwner(id, signal),
    }),
  );
}
