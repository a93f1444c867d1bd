import { type AdminCategoryTree, adminCategoryTreeSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

export type { AdminCategoryTree };
export type AdminCategoryNode = AdminCategoryTree['items'][number];
export type AdminCategory = AdminCategoryNode['children'][number];

export const adminCategoriesQueryKey = [privateQueryKeyPrefix, 'admin', 'categories'] as const;

/** `GET /api/v1/admin/categories`: the whole two-level tree, inactive categories included, with Nano counts. */
export function getAdminCategories(signal?: AbortSignal): Promise<AdminCategoryTree> {
  return apiFetch('/api/v1/admin/categories', adminCategoryTreeSchema, { signal });
}

export function useAdminCategories() {
  return useQuery(
    queryOptions({
      queryKey: adminCategoriesQueryKey,
      queryFn: ({ signal }) => getAdminCategories(signal),
    }),
  );
}
