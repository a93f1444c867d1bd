import { type Nano, nanoSchema } from '@nano/contracts';
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../api/client.ts';
import { privateQueryKeyPrefix } from '../../auth/get-current-user.ts';

/** Cache keys of everything about Nanos; they depend on who asks (permissions), so a change of user drops them. */
export const nanosQueryKeyPrefix = 'nanos';

export const nanoQueryKey = (id: string) => [nanosQueryKeyPrefix, id] as const;

/** `GET /api/v1/nanos/{id}`: the Nano with what the caller may do (`permissions`). */
export function getNano(id: string, signal?: AbortSignal): Promise<Nano> {
  return apiFetch(`/api/v1/nanos/${encodeURIComponent(id)}`, nanoSchema, { signal });
}

export function nanoQueryOptions(id: string) {
  return queryOptions({ queryKey: nanoQueryKey(id), queryFn: ({ signal }) => getNano(id, signal) });
}

/** A Nano; `enabled: false` waits (e.g. until a menu is opened). */
export function useNano(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...nanoQueryOptions(id), enabled });
}

/**
 * After a change the server answered with the Nano: it goes into the cache, and the lists and
 * file listings that may show it are loaded again.
 */
export async function storeNano(queryClient: QueryClient, nano: Nano): Promise<void> {
  queryClient.setQueryData(nanoQueryKey(nano.id), nano);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: [privateQueryKeyPrefix, 'nanos'] }),
    queryClient.invalidateQueries({
      queryKey: nanoQueryKey(nano.id),
      predicate: (query) => query.queryKey.length > 2,
    }),
  ]);
}
