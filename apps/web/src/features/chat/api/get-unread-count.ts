import { useQuery } from '@tanstack/react-query';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { unreadCountQueryOptions } from '../../../shared/realtime/chat-queries.ts';

/**
 * `GET /api/v1/chats/unread-count` for the navigation badge: asked only when signed in; the
 * realtime events (and the polling fallback) keep it up to date.
 */
export function useUnreadCount() {
  const signedIn = Boolean(useCurrentUser().data);
  return useQuery({ ...unreadCountQueryOptions(), enabled: signedIn });
}
