import { acceptedResponseSchema } from '@nano/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';

/** `POST /api/v1/auth/password-reset/request`: mails a reset link if the address has an account (always accepted). */
export function requestPasswordReset(email: string) {
  return apiFetch('/api/v1/auth/password-reset/request', acceptedResponseSchema, {
    method: 'POST',
    json: { email },
  });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
