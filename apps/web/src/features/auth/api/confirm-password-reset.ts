import type { passwordResetConfirmSchema } from '@nano/contracts';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch, noContentSchema } from '../../../shared/api/client.ts';

export type PasswordResetConfirmBody = z.output<typeof passwordResetConfirmSchema>;

/** `POST /api/v1/auth/password-reset/confirm`: sets the new password; the token works once, for an hour. */
export function confirmPasswordReset(body: PasswordResetConfirmBody) {
  return apiFetch('/api/v1/auth/password-reset/confirm', noContentSchema, { method: 'POST', json: body });
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset });
}
