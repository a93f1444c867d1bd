import { featuredListSchema, type SearchHit } from '@nano/contracts';
import { type QueryClient, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, noContentSchema } from '../../api/client.ts';
import { privateQueryKeyPrefix } from '../../auth/get-current-user.ts';
import { nanosQueryKeyPrefix } from './get-nano.ts';

/**
 * The admin-picked Nanos of the home page's "Empfohlen" block. Shared because the Nano detail
 * page (the toggle) and the admin list both change them.
 */
export const featuredQueryKey = [privateQueryKeyPrefix, 'admin', 'featured'] as const;

/** `GET /api/v1/admin/featured` (admins): the featured Nanos, as search hits. */
export async function getFeatured(signal?: AbortSignal): Promise<SearchHit[]> {
  const { items } = await apiFetch('/api/v1/admin/featured', featuredListSchema, { signal });
  return items;
}

export function useFeatured({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    ...queryOptions({ queryKey: featuredQueryKey, queryFn: ({ signal }) => getFeatured(signal) }),
    enabled,
  });
}

/** `PUT` (feature) or `DELETE` (stop featuring) `/api/v1/admin/featured/{nanoId}`. */
export function setFeatured({ nanoId, featured }: { nanoId: string; featured: boolean }): Promise<undefined> {
  return apiFetch(`/api/v1/admin/featured/${encodeURIComponent(nanoId)}`, noContentSchema, {
    method: featured ? 'PUT' : 'DELETE',
  });
}

async function afterChange(queryClient: QueryClient): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: featuredQueryKey }),
    // The home page's blocks show the change.
    queryClient.invalidateQueries({ queryKey: [nanosQueryKeyPrefix, 'discover'] }),
  ]);
}

export function useSetFeatured() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: setFeatured, onSuccess: () => afterChange(queryClient) });
}
