import { type ChatSession, chatSessionSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { chatQueryKeys } from '../../../shared/realtime/chat-queries.ts';

/** `GET /api/v1/chats/{id}`: the session (other party, Nano, status, read position of the other party). */
export function getChat(chatId: string, signal?: AbortSignal): Promise<ChatSession> {
  return apiFetch(`/api/v1/chats/${encodeURIComponent(chatId)}`, chatSessionSchema, { signal });
}

/** Query options of one session (also for prefetching from the inbox). */
export function chatQueryOptions(chatId: string) {
  return queryOptions({
    queryKey: chatQueryKeys.detail(chatId),
    queryFn: ({ signal }) => getChat(chatId, signal),
    // Fetched on every open: the unread count decides whether a read receipt is due.
    staleTime: 0,
  });
}

/** The open session; `session.updated` events refetch it (shared/realtime keeps the cache in step). */
export function useChat(chatId: string) {
  return useQuery(chatQueryOptions(chatId));
}
