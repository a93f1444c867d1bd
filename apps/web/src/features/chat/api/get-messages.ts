import { CHAT_LIMITS, type ChatMessage, chatMessagePageSchema } from '@nano/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { chatQueryKeys } from '../../../shared/realtime/chat-queries.ts';

export type ChatMessagePage = z.infer<typeof chatMessagePageSchema>;

/** Which slice of the history: older than `before`, or newer than `after` (polling). */
export interface MessageRange {
  before?: string;
  after?: string;
  limit?: number;
}

/** `GET /api/v1/chats/{id}/messages?before=&after=&limit=`: newest first, `nextBefore` pages back. */
export function getMessages(
  chatId: string,
  range: MessageRange,
  signal?: AbortSignal,
): Promise<ChatMessagePage> {
  const query = new URLSearchParams({ limit: String(range.limit ?? CHAT_LIMITS.pageDefault) });
  if (range.before) {
    query.set('before', range.before);
  }
  if (range.after) {
    query.set('after', range.after);
  }
  return apiFetch(`/api/v1/chats/${encodeURIComponent(chatId)}/messages?${query}`, chatMessagePageSchema, {
    signal,
  });
}

/**
 * The loaded history of a conversation. Always refetched on open: messages that arrived while
 * another page was shown live only in that page's state.
 */
export function useMessagePages(chatId: string) {
  return useInfiniteQuery(
    infiniteQueryOptions({
      queryKey: chatQueryKeys.messages(chatId),
      queryFn: ({ pageParam, signal }) => getMessages(chatId, { before: pageParam }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextBefore ?? undefined,
      staleTime: 0,
      refetchOnWindowFocus: false,
    }),
  );
}

/** Every message of the loaded pages (newest first, as the server sent them). */
export function messagesOfPages(pages: readonly ChatMessagePage[] | undefined): ChatMessage[] {
  return pages?.flatMap((page) => page.items) ?? [];
}
