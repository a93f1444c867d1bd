import type { CuratedList } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch, noContentSchema } from '../../../shared/api/client.ts';
import { listsQueryKeyPrefix } from '../../../shared/nanos/api/lists-menu.ts';
import { listQueryKey } from './get-list.ts';
import { listOverviewQueryKey } from './get-lists.ts';

/** `DELETE /api/v1/lists/{id}`: the list and its entries (the Nanos stay). */
export function deleteList(id: string): Promise<undefined> {
  return apiFetch(`/api/v1/lists/${encodeURIComponent(id)}`, noContentSchema, { method: 'DELETE' });
}

export function useDeleteList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteList,
    onSuccess: (_answer, id) => {
      queryClient.setQueryData<CuratedList[]>(listOverviewQueryKey, (lists) =>
        lists?.filter((list) => list.id !== id),
      );
      // The deleted list itself is not loaded again (its page is being left); it expires from the cache.
      const deletedKey = JSON.stringify(listQueryKey(id));
      void queryClient.invalidateQueries({
        queryKey: listsQueryKeyPrefix,
        predicate: (query) => JSON.stringify(query.queryKey) !== deletedKey,
      });
    },
  });
}
