import { type Nano, nanoSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch, noContentSchema } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';
import { nanoQueryKey, storeNano } from '../../../shared/nanos/api/get-nano.ts';

/** What the owner (or staff) can do with a Nano besides editing it. */
export type StatusAction = 'submit' | 'archive' | 'restore' | 'delete';

/**
 * `POST /nanos/{id}/submit|archive|restore` (→ the Nano) or `DELETE /nanos/{id}` (→ 204).
 * Submitting an incomplete draft answers 400 with `nano.<field>` errors; a transition the
 * status does not allow answers 409.
 */
export async function changeNanoStatus({
  id,
  action,
}: {
  id: string;
  action: StatusAction;
}): Promise<Nano | null> {
  const path = `/api/v1/nanos/${encodeURIComponent(id)}`;
  if (action === 'delete') {
    await apiFetch(path, noContentSchema, { method: 'DELETE' });
    return null;
  }
  return apiFetch(`${path}/${action}`, nanoSchema, { method: 'POST' });
}

export function useChangeNanoStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeNanoStatus,
    onSuccess: async (nano, { id }) => {
      if (nano) {
        await storeNano(queryClient, nano);
        return;
      }
      queryClient.removeQueries({ queryKey: nanoQueryKey(id) });
      await queryClient.invalidateQueries({ queryKey: [privateQueryKeyPrefix, 'nanos'] });
    },
  });
}
