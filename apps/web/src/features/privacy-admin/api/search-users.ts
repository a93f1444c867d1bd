import { adminUserPageSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { adminQueryKey } from './keys.ts';

/** How many matches the user picker of "Anfrage erfassen" offers. */
export const USER_SEARCH_LIMIT = 10;
/** Shorter search texts match too much to be useful. */
export const USER_SEARCH_MIN_LENGTH = 2;

/** `GET /api/v1/admin/users?q=`: accounts whose name, username or email match (the admin users list). */
export function searchUsers(q: string, signal?: AbortSignal) {
  const query = new URLSearchParams({ q, page: '1', pageSize: String(USER_SEARCH_LIMIT) });
  return apiFetch(`/api/v1/admin/users?${query}`, adminUserPageSchema, { signal });
}

export function useUserSearch(q: string) {
  const text = q.trim();
  return useQuery(
    queryOptions({
      queryKey: [...adminQueryKey, 'users', 'search', text],
      queryFn: ({ signal }) => searchUsers(text, signal),
      enabled: text.length >= USER_SEARCH_MIN_LENGTH,
      placeholderData: keepPreviousData,
    }),
  );
}
