import { acceptedResponseSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { currentUserQueryKey } from '../../../shared/auth/get-current-user.ts';

/**
 * `POST /api/v1/auth/verify-email`: confirms a registration or an email change with the token
 * from the link; fails with `token_invalid` when it is expired or used.
 */
export function verifyEmail(token: string) {
  return apiFetch('/api/v1/auth/verify-email', acceptedResponseSchema, { method: 'POST', json: { token } });
}

/** Verifies, then reloads the signed-in user (whose address or verified state may have changed). */
export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyEmail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: currentUserQueryKey }),
  });
}
