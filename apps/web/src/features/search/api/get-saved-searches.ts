import { type SavedSearch, savedSearchListSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

/** Private to the signed-in user: dropped from the cache on sign-out. */
export const savedSearchesQueryKey = [privateQueryKeyPrefix, 'saved-searches'] as const;

/** `GET /api/v1/me/saved-searches`: the user's saved searches (at most 20). */
export async function getSavedSearches(signal?: AbortSignal): Promise<SavedSearch[]> {
  const { items } = await apiFetch('/api/v1/me/saved-searches', savedSearchListSchema, { signal });
  return items;
}

export function useSavedSearches() {
  return useQuery(
    queryOptions({ queryKey: savedSearchesQueryKey, queryFn: ({ signal }) => getSavedSearches(signal) }),
  );
}
