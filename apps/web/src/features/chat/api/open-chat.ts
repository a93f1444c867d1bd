import { openChatResponseSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { chatQueryKeys } from '../../../shared/realtime/chat-queries.ts';

export type OpenChatResponse = z.output<typeof openChatResponseSchema>;

/**
 * `POST /api/v1/chats` {nanoId}: opens the session about a Nano with its creator; when the trio
 * already has one, the server answers with that (`reused`).
 */
export function openChat(nanoId: string): Promise<OpenChatResponse> {
  return apiFetch('/api/v1/chats', openChatResponseSchema, { method: 'POST', json: { nanoId } });
}

/** Opens (or reuses) the session and puts it into the cache, so the conversation shows at once. */
export function useOpenChat() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openChat,
    onSuccess: async ({ chat }) => {
      queryClient.setQueryData(chatQueryKeys.detail(chat.id), chat);
      await queryClient.invalidateQueries({ queryKey: chatQueryKeys.lists });
    },
  });
}
