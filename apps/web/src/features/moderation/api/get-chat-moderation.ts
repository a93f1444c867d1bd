import { heldMessageListSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { moderationQueryKey } from './moderation-keys.ts';

/** The two lists of the chat moderation page. */
export const CHAT_MODERATION_TABS = ['held', 'flagged'] as const;
export type ChatModerationTab = (typeof CHAT_MODERATION_TABS)[number];

export type HeldMessageList = z.infer<typeof heldMessageListSchema>;
export type HeldMessageItem = HeldMessageList['items'][number];

/** Messages per page of each list. */
export const CHAT_MODERATION_PAGE_SIZE = 20;

/** The lists refresh this often: the filter holds messages and users flag them while the page is open. */
const REFRESH_MS = 60_000;

export const chatModerationQueryKey = [...moderationQueryKey, 'chat'] as const;

/**
 * `GET /api/v1/moderation/chat-messages?status=&page=&pageSize=`: messages the content filter
 * held (`held`) or that participants flagged (`flagged`), oldest first, with their session and
 * open flags; each view is audited.
 */
export function getChatModerationList(
  status: ChatModerationTab,
  page: number,
  signal?: AbortSignal,
): Promise<HeldMessageList> {
  const query = new URLSearchParams({
    status,
    page: String(page),
    pageSize: String(CHAT_MODERATION_PAGE_SIZE),
  });
  return apiFetch(`/api/v1/moderation/chat-messages?${query}`, heldMessageListSchema, { signal });
}

export function useChatModerationList(status: ChatModerationTab, page: number) {
  return useQuery(
    queryOptions({
      queryKey: [...chatModerationQueryKey, status, page],
      queryFn: ({ signal }) => getChatModerationList(status, page, signal),
      placeholderData: keepPreviousData,
      refetchInterval: REFRESH_MS,
      staleTime: 0,
    }),
  );
}
