import { type FlagMessageRequest, flagSchema } from '@nano/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';

/**
 * `POST /api/v1/messages/{id}/flag`: reports a message of the other party to the moderators.
 * 409 when the caller has already flagged it (and the flag is still open).
 */
export function flagMessage({ messageId, body }: { messageId: string; body: FlagMessageRequest }) {
  return apiFetch(`/api/v1/messages/${encodeURIComponent(messageId)}/flag`, flagSchema, {
    method: 'POST',
    json: body,
  });
}

export function useFlagMessage() {
  return useMutation({ mutationFn: flagMessage });
}
