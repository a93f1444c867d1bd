import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch, noContentSchema } from '../../../shared/api/client.ts';
import { notificationsQueryKey } from './get-notifications.ts';

/** `POST /api/v1/me/notifications/read` with `{ ids }` or `{ all: true }` → 204. */
export function markNotificationsRead(target: string[] | 'all'): Promise<undefined> {
  return apiFetch('/api/v1/me/notifications/read', noContentSchema, {
    method: 'POST',
    json: target === 'all' ? { all: true } : { ids: target },
  });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationsRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}
