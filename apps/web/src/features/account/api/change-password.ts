import type { passwordChangeRequestSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch, noContentSchema } from '../../../shared/api/client.ts';
import { currentUserQueryKey } from '../../../shared/auth/get-current-user.ts';

export type PasswordChangeBody = z.output<typeof passwordChangeRequestSchema>;

/** `POST /api/v1/auth/password/change`: needs the current password. */
export function changePassword(body: PasswordChangeBody) {
  return apiFetch('/api/v1/auth/password/change', noContentSchema, { method: 'POST', json: body });
}

/** Changes the password, then reloads the user (a forced change is done now). */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: currentUserQueryKey }),
  });
}
