import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { chatQueryKeys } from '../../../shared/realtime/chat-queries.ts';

/** The answer (204 or the updated counts) is not needed: the unread queries are refetched. */
const anyAnswerSchema = z.unknown();

/** `POST /api/v1/chats/{id}/read`: everything up to and including `upTo` is read. */
export async function markChatRead({ chatId, upTo }: { chatId: string; upTo: string }): Promise<void> {
  await apiFetch(`/api/v1/chats/${encodeURIComponent(chatId)}/read`, anyAnswerSchema, {
    method: 'POST',
    json: { upTo },
  });
}

/**
 * Marks a conversation read over REST (not the socket's `read` event), so that the unread
 * badge and the inbox are refetched only once the server has stored it.
 */
export function useMarkChatRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markChatRead,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: chatQueryKeys.unreadCount }),
        queryClient.invalidateQueries({ queryKey: chatQueryKeys.lists }),
      ]);
    },
  });
}
