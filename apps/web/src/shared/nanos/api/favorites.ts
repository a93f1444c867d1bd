import { favoriteIdsSchema, type favoritePageSchema, favoriteStateSchema } from '@nano/contracts';
import {
  type QueryClient,
  queryOptions,
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../api/client.ts';
import { privateQueryKeyPrefix, useCurrentUser } from '../../auth/get-current-user.ts';
import { nanoQueryKey } from './get-nano.ts';

export type FavoriteState = z.infer<typeof favoriteStateSchema>;
type FavoritePage = z.infer<typeof favoritePageSchema>;

/** Cache keys of the signed-in user's favourites: the ids, counts changed here, the favourites page. */
export const favoritesQueryKeyPrefix = [privateQueryKeyPrefix, 'favorites'] as const;
export const favoriteIdsQueryKey = [...favoritesQueryKeyPrefix, 'ids'] as const;
/** The pages of "Meine Favoriten" (the feature adds its query to the key). */
export const favoritePagesQueryKey = [...favoritesQueryKeyPrefix, 'page'] as const;

/**
 * A Nano's favourite count as this user's last toggle left it. Cards show the count of the
 * search answer they came from; after a toggle every card of the same Nano shows this one.
 */
export const favoriteCountQueryKey = (nanoId: string) =>
  [...favoritesQueryKeyPrefix, 'count', nanoId] as const;

/** `GET /api/v1/me/favorites/ids`: every Nano the user favourited. */
export async function getFavoriteIds(signal?: AbortSignal): Promise<string[]> {
  const { ids } = await apiFetch('/api/v1/me/favorites/ids', favoriteIdsSchema, { signal });
  return ids;
}

const toSet = (ids: string[]) => new Set(ids);

/** The ids as a set; one query for all hearts on the page, only for signed-in users. */
export function useFavoriteIds() {
  const signedIn = Boolean(useCurrentUser().data);
  return useQuery({
    ...queryOptions({ queryKey: favoriteIdsQueryKey, queryFn: ({ signal }) => getFavoriteIds(signal) }),
    enabled: signedIn,
    staleTime: 60_000,
    select: toSet,
  });
}

/** The count after this user's last toggle of the Nano (null or undefined: none since the page loaded). */
export function useFavoriteCountOverride(nanoId: string): number | undefined {
  return (
    useQuery<number | null>({ queryKey: favoriteCountQueryKey(nanoId), queryFn: skipToken }).data ?? undefined
  );
}

/** `PUT` (add) or `DELETE` (remove) `/api/v1/favorites/{nanoId}`; idempotent. */
export function setFavorite({
  nanoId,
  favorited,
}: {
  nanoId: string;
  favorited: boolean;
}): Promise<FavoriteState> {
  return apiFetch(`/api/v1/favorites/${encodeURIComponent(nanoId)}`, favoriteStateSchema, {
    method: favorited ? 'PUT' : 'DELETE',
  });
}

interface ToggleVariables {
  nanoId: string;
  favorited: boolean;
  /** The count shown before the click, the base of the optimistic one. */
  count: number;
}

/** A page of "Meine Favoriten" without the Nano (its card goes as soon as the heart is clicked off). */
function withoutNano(page: FavoritePage | undefined, nanoId: string): FavoritePage | undefined {
  if (!page?.items.some((item) => item.nano.id === nanoId)) {
    return page;
  }
  return { ...page, items: page.items.filter((item) => item.nano.id !== nanoId), total: page.total - 1 };
}

function withId(ids: string[] | undefined, nanoId: string, favorited: boolean): string[] {
  const rest = (ids ?? []).filter((id) => id !== nanoId);
  return favorited ? [nanoId, ...rest] : rest;
}

async function afterToggle(queryClient: QueryClient, nanoId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: nanoQueryKey(nanoId), exact: true }),
    queryClient.invalidateQueries({ queryKey: favoritePagesQueryKey }),
  ]);
}

/**
 * Favourites or un-favourites a Nano at once (heart and count change before the answer, and
 * its card leaves "Meine Favoriten"); the server's count replaces the guess, a failure puts
 * everything back.
 */
export function useToggleFavorite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ nanoId, favorited }: ToggleVariables) => setFavorite({ nanoId, favorited }),
    onMutate: async ({ nanoId, favorited, count }) => {
      await Promise.all([
        queryClient.cancelQueries({ queryKey: favoriteIdsQueryKey }),
        queryClient.cancelQueries({ queryKey: favoritePagesQueryKey }),
      ]);
      const previousIds = queryClient.getQueryData<string[]>(favoriteIdsQueryKey);
      const previousCount = queryClient.getQueryData<number | null>(favoriteCountQueryKey(nanoId)) ?? null;
      const previousPages = queryClient.getQueriesData<FavoritePage>({ queryKey: favoritePagesQueryKey });
      queryClient.setQueryData<string[]>(favoriteIdsQueryKey, (ids) => withId(ids, nanoId, favorited));
      queryClient.setQueryData(favoriteCountQueryKey(nanoId), Math.max(0, count + (favorited ? 1 : -1)));
      if (!favorited) {
        queryClient.setQueriesData<FavoritePage>({ queryKey: favoritePagesQueryKey }, (page) =>
          withoutNano(page, nanoId),
        );
      }
      return { previousIds, previousCount, previousPages };
    },
    onError: (_error, { nanoId }, context) => {
      if (!context) {
        return;
      }
      queryClient.setQueryData(favoriteCountQueryKey(nanoId), context.previousCount);
      for (const [key, page] of context.previousPages) {
        queryClient.setQueryData(key, page);
      }
      if (context.previousIds) {
        queryClient.setQueryData(favoriteIdsQueryKey, context.previousIds);
      } else {
        void queryClient.invalidateQueries({ queryKey: favoriteIdsQueryKey });
      }
    },
    onSuccess: (state, { nanoId }) => {
      queryClient.setQueryData<string[]>(favoriteIdsQueryKey, (ids) => withId(ids, nanoId, state.favorited));
      queryClient.setQueryData(favoriteCountQueryKey(nanoId), state.favoriteCount);
    },
    onSettled: (_state, _error, { nanoId }) => afterToggle(queryClient, nanoId),
  });
}
