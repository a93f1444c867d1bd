import { type ListDetail, listShareSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch, noContentSchema } from '../../../shared/api/client.ts';
import { listsQueryKeyPrefix } from '../../../shared/nanos/api/lists-menu.ts';
import { listQueryKey } from './get-list.ts';

export type ListShare = z.infer<typeof listShareSchema>;

/** `POST /api/v1/lists/{id}/share`: a new read-only link; an existing one stops working. */
export function shareList(id: string): Promise<ListShare> {
  return apiFetch(`/api/v1/lists/${encodeURIComponent(id)}/share`, listShareSchema, { method: 'POST' });
}

/** `DELETE /api/v1/lists/{id}/share`: the link stops working. */
export function unshareList(id: string): Promise<undefined> {
  return apiFetch(`/api/v1/lists/${encodeURIComponent(id)}/share`, noContentSchema, { method: 'DELETE' });
}

/** Turns sharing on (or gets a new link: `rotate`) or off; the list's `shareUrl` follows at once. */
export function useShareList(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (action: 'share' | 'rotate' | 'revoke'): Promise<string | null> => {
      if (action === 'revoke') {
        await unshareList(id);
        return null;
      }
      return (await shareList(id)).shareUrl;
    },
    onSuccess: async (shareUrl) => {
      queryClient.setQueryData<ListDetail>(listQueryKey(id), (list) => (list ? { ...list, shareUrl } : list));
      await queryClient.invalidateQueries({ queryKey: listsQueryKeyPrefix });
    },
  });
}
