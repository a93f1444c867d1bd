import { type ChatSession, chatListSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { chatQueryKeys } from '../../../shared/realtime/chat-queries.ts';

/** The inbox's tabs: `active` also lists disabled sessions (read-only, with the reason). */
export type ChatListStatus = 'active' | 'archived';

/** `GET /api/v1/chats?status=&q=`: the caller's sessions, the most recent conversation first. */
export async function getChats(
  status: ChatListStatus,
  q: string,
  signal?: AbortSignal,
): Promise<ChatSession[]> {
  const query = new URLSearchParams({ status });
  if (q) {
    query.set('q', q);
  }
  const { items } = await apiFetch(`/api/v1/chats?${query}`, chatListSchema, { signal });
  return items;
}

/** One tab of the inbox, optionally searched by the other party's name or the Nano's title; kept live by the realtime events. */
export function useChats(status: ChatListStatus, q: string) {
  return useQuery(
    queryOptions({
      queryKey: chatQueryKeys.list(status, q),
      queryFn: ({ signal }) => getChats(status, q, signal),
      // While a search is typed, the previous rows stay until the new ones are there.
      placeholderData: keepPreviousData,
    }),
  );
}
