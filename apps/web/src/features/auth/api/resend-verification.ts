import { acceptedResponseSchema } from '@nano/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';

/** `POST /api/v1/auth/resend-verification`: a new link if the address has an unverified account (always accepted). */
export function resendVerification(email: string) {
  return apiFetch('/api/v1/auth/resend-verification', acceptedResponseSchema, {
    method: 'POST',
    json: { email },
  });
}

export function useResendVerification() {
  return useMutation({ mutationFn: resendVerification });
}
