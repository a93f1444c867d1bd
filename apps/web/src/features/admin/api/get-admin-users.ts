import {
  type AdminUser,
  adminUserPageSchema,
  DEFAULT_PAGE_SIZE,
  type Role,
  type UserStatus,
} from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

export type AdminUserPage = z.infer<typeof adminUserPageSchema>;
export type { AdminUser };

/** Rows per page of the users table. */
export const ADMIN_USERS_PAGE_SIZE = DEFAULT_PAGE_SIZE;

/** What the users table shows: search text, role and status filters, page. */
export interface AdminUserFilters {
  q: string;
  role: Role | null;
  status: UserStatus | null;
  page: number;
}

/** Every cached admin view of users (table pages and details), invalidated by each admin action. */
export const adminUsersQueryKey = [privateQueryKeyPrefix, 'admin', 'users'] as const;

/** `GET /api/v1/admin/users?q=&role=&status=&page=&pageSize=`: accounts matching the filters (admins). */
export function getAdminUsers(filters: AdminUserFilters, signal?: AbortSignal): Promise<AdminUserPage> {
  const query = new URLSearchParams({ page: String(filters.page), pageSize: String(ADMIN_USERS_PAGE_SIZE) });
  if (filters.q.trim()) {
    query.set('q', filters.q.trim());
  }
  if (filters.role) {
    query.set('role', filters.role);
  }
  if (filters.status) {
    query.set('status', filters.status);
  }
  return apiFetch(`/api/v1/admin/users?${query}`, adminUserPageSchema, { signal });
}

export function useAdminUsers(filters: AdminUserFilters) {
  return useQuery(
    queryOptions({
      queryKey: [...adminUsersQueryKey, 'list', filters],
      queryFn: ({ signal }) => getAdminUsers(filters, signal),
      // Typing and paging keep the old rows on screen (dimmed) until the new ones arrive.
      placeholderData: keepPreviousData,
    }),
  );
}
