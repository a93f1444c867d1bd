import { notificationListSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

/** How many notifications the bell's list shows. */
export const BELL_LIMIT = 10;

export const notificationsQueryKey = [privateQueryKeyPrefix, 'notifications'] as const;

/** `GET /api/v1/me/notifications?limit=`: the newest notifications and the unread count. */
export function getNotifications(signal?: AbortSignal) {
  return apiFetch(`/api/v1/me/notifications?limit=${BELL_LIMIT}`, notificationListSchema, { signal });
}

/** The bell's data, polled every minute while the page is visible. */
export function useNotifications() {
  return useQuery(
    queryOptions({
      queryKey: notificationsQueryKey,
      queryFn: ({ signal }) => getNotifications(signal),
      refetchInterval: 60_000,
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
  );
}
