import { type ChatSession, chatSessionSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { chatQueryKeys } from '../../../shared/realtime/chat-queries.ts';

/** `PATCH /api/v1/chats/{id}` {muted}: a muted session sends no notifications and no e-mails. */
export function updateChat({ chatId, muted }: { chatId: string; muted: boolean }): Promise<ChatSession> {
  return apiFetch(`/api/v1/chats/${encodeURIComponent(chatId)}`, chatSessionSchema, {
    method: 'PATCH',
    json: { muted },
  });
}

/** Mutes or unmutes a session; the answer replaces the cached session and the inbox refetches. */
export function useUpdateChat() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateChat,
    onSuccess: async (chat) => {
      queryClient.setQueryData(chatQueryKeys.detail(chat.id), chat);
      await queryClient.invalidateQueries({ queryKey: chatQueryKeys.lists });
    },
  });
}
