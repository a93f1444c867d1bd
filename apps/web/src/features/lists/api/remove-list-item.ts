import type { ListDetail } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { listsQueryKeyPrefix, setListItem } from '../../../shared/nanos/api/lists-menu.ts';
import { listQueryKey } from './get-list.ts';

/** Takes a Nano out of the list (`DELETE /lists/{id}/items/{nanoId}`); its row goes once the server agrees. */
export function useRemoveListItem(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (nanoId: string) => setListItem({ listId: id, nanoId, contained: false }),
    onSuccess: async (_answer, nanoId) => {
      queryClient.setQueryData<ListDetail>(listQueryKey(id), (list) =>
        list
          ? {
              ...list,
              itemCount: Math.max(0, list.itemCount - 1),
              items: list.items.filter((item) => item.nanoId !== nanoId),
            }
          : list,
      );
      await queryClient.invalidateQueries({ queryKey: listsQueryKeyPrefix });
    },
  });
}
