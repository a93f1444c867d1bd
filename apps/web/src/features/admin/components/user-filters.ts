import { ADMIN_LIMITS, ROLES, type Role, USER_STATUSES, type UserStatus } from '@nano/contracts';
import type { AdminUserFilters } from '../api/get-admin-users.ts';
import { pageFrom } from './admin-format.ts';

/** The address keeps the table's state, so a reload or a shared link shows the same rows. */
const PARAMS = { q: 'q', role: 'rolle', status: 'status', page: 'seite' } as const;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return allowed.includes(value as T) ? (value as T) : null;
}

/** The users table's filters from the query string; unknown values are dropped. */
export function userFiltersFromParams(params: URLSearchParams): AdminUserFilters {
  return {
    q: (params.get(PARAMS.q) ?? '').slice(0, ADMIN_LIMITS.userQueryMax),
    role: oneOf<Role>(ROLES, params.get(PARAMS.role)),
    status: oneOf<UserStatus>(USER_STATUSES, params.get(PARAMS.status)),
    page: pageFrom(params.get(PARAMS.page)),
  };
}

/** The query string of a table state (defaults left out). */
export function userFiltersToParams(filters: AdminUserFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) {
    params.set(PARAMS.q, filters.q.trim());
  }
  if (filters.role) {
    params.set(PARAMS.role, filters.role);
  }
  if (filters.status) {
    params.set(PARAMS.status, filters.status);
  }
  if (filters.page > 1) {
    params.set(PARAMS.page, String(filters.page));
  }
  return params;
}
