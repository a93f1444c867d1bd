import { type CuratedList, listOverviewSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { listsQueryKeyPrefix } from '../../../shared/nanos/api/lists-menu.ts';

export const listOverviewQueryKey = [...listsQueryKeyPrefix, 'overview'] as const;

/** `GET /api/v1/me/lists`: the user's lists (at most 50). */
export async function getLists(signal?: AbortSignal): Promise<CuratedList[]> {
  const { items } = await apiFetch('/api/v1/me/lists', listOverviewSchema, { signal });
  return items;
}

export function useLists() {
  return useQuery(
    queryOptions({ queryKey: listOverviewQueryKey, queryFn: ({ signal }) => getLists(signal) }),
  );
}
