import type { heldMessageDecisionSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { chatModerationQueryKey } from './get-chat-moderation.ts';
import { moderationQueryKey } from './moderation-keys.ts';

export type HeldMessageDecision = z.output<typeof heldMessageDecisionSchema>['decision'];

/** The moderation actions answer with the changed message or session, or nothing; the page refetches its lists. */
const anyAnswerSchema = z.unknown();

/**
 * `POST /api/v1/moderation/chat-messages/{id}/decision`: release a held message (delivered as if
 * just sent) or reject it (its sender sees "abgelehnt").
 */
export async function decideHeldMessage({
  messageId,
  decision,
}: {
  messageId: string;
  decision: HeldMessageDecision;
}): Promise<void> {
  await apiFetch(
    `/api/v1/moderation/chat-messages/${encodeURIComponent(messageId)}/decision`,
    anyAnswerSchema,
    {
      method: 'POST',
      json: { decision },
    },
  );
}

/** `POST /api/v1/moderation/chats/{id}/disable`: no new messages; both parties see the reason. */
export async function disableChat({ chatId, reason }: { chatId: string; reason: string }): Promise<void> {
  await apiFetch(`/api/v1/moderation/chats/${encodeURIComponent(chatId)}/disable`, anyAnswerSchema, {
    method: 'POST',
    json: { reason },
  });
}

/** `POST /api/v1/moderation/chats/{id}/enable`: the session accepts messages again. */
export async function enableChat({ chatId }: { chatId: string }): Promise<void> {
  await apiFetch(`/api/v1/moderation/chats/${encodeURIComponent(chatId)}/enable`, anyAnswerSchema, {
    method: 'POST',
  });
}

function useModerationMutation<Variables>(mutationFn: (variables: Variables) => Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Also after a failure: a 409 means another moderator decided first, so the list has changed.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: chatModerationQueryKey }),
        queryClient.invalidateQueries({ queryKey: [...moderationQueryKey, 'overview'] }),
      ]),
  });
}

export function useDecideHeldMessage() {
  return useModerationMutation(decideHeldMessage);
}

export function useDisableChat() {
  return useModerationMutation(disableChat);
}

export function useEnableChat() {
  return useModerationMutation(enableChat);
}
