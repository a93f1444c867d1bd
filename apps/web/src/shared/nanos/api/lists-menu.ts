import { type CreateListRequest, type CuratedList, listOverviewSchema, listSchema } from '@nano/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../api/client.ts';
import { privateQueryKeyPrefix } from '../../auth/get-current-user.ts';

/** Cache keys of the user's curated lists: the overview, a list, the menus of single Nanos. */
export const listsQueryKeyPrefix = [privateQueryKeyPrefix, 'lists'] as const;
export const listsContainingQueryKey = (nanoId: string) =>
  [...listsQueryKeyPrefix, 'containing', nanoId] as const;

/** Problem code when the user already has the most lists allowed (50). */
export const LIST_LIMIT_CODE = 'list_limit';
/** Problem code when a list already holds the most Nanos allowed (500). */
export const LIST_ITEM_LIMIT_CODE = 'list_item_limit';

/** Item changes may answer with the list or with no content; the cache is refreshed either way. */
const anyAnswerSchema = z.unknown();

/** `GET /api/v1/me/lists?containing=`: the user's lists, each saying whether the Nano is in it. */
export async function getListsContaining(nanoId: string, signal?: AbortSignal): Promise<CuratedList[]> {
  const query = new URLSearchParams({ containing: nanoId });
  const { items } = await apiFetch(`/api/v1/me/lists?${query}`, listOverviewSchema, { signal });
  return items;
}

/** The lists for a Nano's "add to list" menu; `enabled: false` until the menu opens. */
export function useListsContaining(nanoId: string, { enabled }: { enabled: boolean }) {
  return useQuery({
    ...queryOptions({
      queryKey: listsContainingQueryKey(nanoId),
      queryFn: ({ signal }) => getListsContaining(nanoId, signal),
    }),
    enabled,
  });
}

/** `POST /api/v1/me/lists`: a new, empty list. */
export function createList(body: CreateListRequest): Promise<CuratedList> {
  return apiFetch('/api/v1/me/lists', listSchema, { method: 'POST', json: body });
}

/** `PUT` (add) or `DELETE` (remove) `/api/v1/lists/{listId}/items/{nanoId}`. */
export async function setListItem({
  listId,
  nanoId,
  contained,
}: {
  listId: string;
  nanoId: string;
  contained: boolean;
}): Promise<void> {
  await apiFetch(
    `/api/v1/lists/${encodeURIComponent(listId)}/items/${encodeURIComponent(nanoId)}`,
    anyAnswerSchema,
    { method: contained ? 'PUT' : 'DELETE' },
  );
}

/** Creates a list; with `nanoId`, that Nano goes into it straight away. */
export function useCreateList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ nanoId, ...body }: CreateListRequest & { nanoId?: string }) => {
      const list = await createList(body);
      if (nanoId) {
        await setListItem({ listId: list.id, nanoId, contained: true });
      }
      return list;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: listsQueryKeyPrefix }),
  });
}

/**
 * Puts a Nano into a list or takes it out. The menu's tick changes at once and goes back if the
 * server refuses (e.g. the list is full); every cached list is loaded again afterwards.
 */
export function useSetListItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setListItem,
    onMutate: async ({ listId, nanoId, contained }) => {
      const key = listsContainingQueryKey(nanoId);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<CuratedList[]>(key);
      queryClient.setQueryData<CuratedList[]>(key, (lists) =>
        lists?.map((list) => (list.id === listId ? { ...list, containsNano: contained } : list)),
      );
      return { previous };
    },
    onError: (_error, { nanoId }, context) => {
      if (context?.previous) {
        queryClient.setQueryData(listsContainingQueryKey(nanoId), context.previous);
      }
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: listsQueryKeyPrefix }),
  });
}
