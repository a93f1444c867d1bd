import { takedownConfirmResponseSchema } from '@nano/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';

/**
 * `POST /api/v1/takedown-notices/confirm` with the token from the confirmation email: the notice
 * goes to the creator and the Nano is hidden while it is examined. 400 `takedown_token_invalid`
 * for an unknown or expired link; a second confirm answers the same state.
 */
export function confirmTakedownNotice(token: string) {
  return apiFetch('/api/v1/takedown-notices/confirm', takedownConfirmResponseSchema, {
    method: 'POST',
    json: { token },
  });
}

export function useConfirmTakedownNotice() {
  return useMutation({ mutationFn: confirmTakedownNotice });
}
