import { notificationListSchema } from '@nano/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { notificationsQueryKey } from './get-notifications.ts';

/** Notifications per page of the notification centre ("Mehr laden" adds the next). */
export const CENTRE_PAGE_SIZE = 20;

/** Under the bell's key, so marking read refreshes both. */
export const notificationPagesQueryKey = (unreadOnly: boolean) =>
  [...notificationsQueryKey, 'pages', { unreadOnly }] as const;

/** `GET /api/v1/me/notifications?limit=&unread=&before=`: one page of the centre. */
export function getNotificationPage(
  options: { unreadOnly: boolean; before: string | undefined },
  signal?: AbortSignal,
) {
  const query = new URLSearchParams({ limit: String(CENTRE_PAGE_SIZE) });
  if (options.unreadOnly) {
    query.set('unread', 'true');
  }
  if (options.before) {
    query.set('before', options.before);
  }
  return apiFetch(`/api/v1/me/notifications?${query}`, notificationListSchema, { signal });
}

/** The centre's notifications, newest first, page after page. */
export function useNotificationPages(unreadOnly: boolean) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: notificationPagesQueryKey(unreadOnly),
      queryFn: ({ pageParam, signal }) => getNotificationPage({ unreadOnly, before: pageParam }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextBefore ?? undefined,
    }),
  );
}
