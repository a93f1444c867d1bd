import { type ServerEvent, unreadCountSchema } from '@nano/contracts';
import { type QueryClient, type QueryKey, queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../api/client.ts';
import { privateQueryKeyPrefix } from '../auth/get-current-user.ts';

/**
 * Cache keys of the chat's data, in `shared/` because the realtime connection keeps them fresh
 * and both the inbox and the conversation use them. All start with the private prefix, so
 * signing out drops them.
 */
export const chatQueryKeys = {
  all: [privateQueryKeyPrefix, 'chats'] as const,
  /** Every inbox list (any tab, any search). */
  lists: [privateQueryKeyPrefix, 'chats', 'list'] as const,
  list: (status: 'active' | 'archived', q: string) =>
    [privateQueryKeyPrefix, 'chats', 'list', status, q] as const,
  unreadCount: [privateQueryKeyPrefix, 'chats', 'unread-count'] as const,
  /** Every single session. */
  details: [privateQueryKeyPrefix, 'chats', 'detail'] as const,
  /** One session (`GET /chats/{id}`). */
  detail: (chatId: string) => [privateQueryKeyPrefix, 'chats', 'detail', chatId] as const,
  /** One session's message history. */
  messages: (chatId: string) => [privateQueryKeyPrefix, 'chats', 'messages', chatId] as const,
};

/** `GET /api/v1/chats/unread-count`: unread messages and the sessions they are in. */
export function getUnreadCount(signal?: AbortSignal) {
  return apiFetch('/api/v1/chats/unread-count', unreadCountSchema, { signal });
}

/** The unread count, kept live by the realtime connection (and polled while it is down). */
export function unreadCountQueryOptions() {
  return queryOptions({
    queryKey: chatQueryKeys.unreadCount,
    queryFn: ({ signal }) => getUnreadCount(signal),
    staleTime: 30_000,
  });
}

/**
 * Keeps the cache in step with a server event: new or read messages and changed sessions make
 * the inbox and the unread count stale (active queries refetch at once); `resync` (too much was
 * missed to replay) makes every chat query stale; `notification.created` the given extra keys
 * (the notification bell, wired by the app).
 */
export function applyEventToCache(
  queryClient: QueryClient,
  event: ServerEvent,
  notificationKeys: readonly QueryKey[] = [],
): void {
  switch (event.type) {
    case 'message.created':
    case 'message.updated':
    case 'message.read':
      void queryClient.invalidateQueries({ queryKey: chatQueryKeys.lists });
      void queryClient.invalidateQueries({ queryKey: chatQueryKeys.unreadCount });
      return;
    case 'session.updated':
      void queryClient.invalidateQueries({ queryKey: chatQueryKeys.lists });
      void queryClient.invalidateQueries({ queryKey: chatQueryKeys.unreadCount });
      void queryClient.invalidateQueries({ queryKey: chatQueryKeys.detail(event.chatId) });
      return;
    case 'resync':
      void queryClient.invalidateQueries({ queryKey: chatQueryKeys.all });
      return;
    case 'notification.created':
      for (const queryKey of notificationKeys) {
        void queryClient.invalidateQueries({ queryKey });
      }
      return;
    default:
      return;
  }
}

/**
 * After a reconnect: missed messages are replayed, but missed read receipts and session changes
 * are not, so the inbox, the unread count and the open sessions are asked again.
 */
export function refreshAfterGap(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: chatQueryKeys.lists });
  void queryClient.invalidateQueries({ queryKey: chatQueryKeys.unreadCount });
  void queryClient.invalidateQueries({ queryKey: chatQueryKeys.details });
}
