import { type ListDetail, type ListItem, listDetailSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { listQueryKey } from './get-list.ts';

/** Problem code when the list changed (elsewhere) since the page loaded it. */
export const LIST_CONFLICT_CODE = 'conflict';

/** The items with the one at `from` moved to `to` (both indexes in the current order). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) {
    return [...items];
  }
  const next = [...items];
  const [moved] = next.splice(from, 1) as [T];
  next.splice(to, 0, moved);
  return next;
}

/** `PATCH /api/v1/lists/{id}/items`: every Nano id of the list, in the new order; answers the list. */
export function reorderListItems({ id, nanoIds }: { id: string; nanoIds: string[] }): Promise<ListDetail> {
  return apiFetch(`/api/v1/lists/${encodeURIComponent(id)}/items`, listDetailSchema, {
    method: 'PATCH',
    json: { nanoIds },
  });
}

/**
 * Saves a new order. The rows move at once; if the server refuses (409: the list changed
 * meanwhile), the old order comes back and the list is loaded again.
 */
export function useReorderListItems(id: string) {
  const queryClient = useQueryClient();
  const key = listQueryKey(id);
  return useMutation({
    mutationFn: (items: ListItem[]) => reorderListItems({ id, nanoIds: items.map((item) => item.nanoId) }),
    onMutate: async (items) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ListDetail>(key);
      queryClient.setQueryData<ListDetail>(key, (list) => (list ? { ...list, items } : list));
      return { previous };
    },
    onSuccess: (list) => {
      queryClient.setQueryData(key, list);
    },
    onError: async (_error, _items, context) => {
      if (context?.previous) {
        queryClient.setQueryData(key, context.previous);
      }
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
