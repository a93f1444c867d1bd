import { type CuratedList, listSchema, type updateListRequestSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { listsQueryKeyPrefix } from '../../../shared/nanos/api/lists-menu.ts';

export type UpdateListBody = z.input<typeof updateListRequestSchema>;

/** `PATCH /api/v1/lists/{id}`: new name and/or description. */
export function updateList({ id, body }: { id: string; body: UpdateListBody }): Promise<CuratedList> {
  return apiFetch(`/api/v1/lists/${encodeURIComponent(id)}`, listSchema, { method: 'PATCH', json: body });
}

export function useUpdateList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateList,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listsQueryKeyPrefix }),
  });
}
