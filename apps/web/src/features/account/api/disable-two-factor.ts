import type { twoFactorDisableRequestSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch, noContentSchema } from '../../../shared/api/client.ts';
import { currentUserQueryKey } from '../../../shared/auth/get-current-user.ts';

export type TwoFactorDisableBody = z.output<typeof twoFactorDisableRequestSchema>;

/** `POST /api/v1/auth/2fa/disable`: needs the password and a current code. */
export function disableTwoFactor(body: TwoFactorDisableBody) {
  return apiFetch('/api/v1/auth/2fa/disable', noContentSchema, { method: 'POST', json: body });
}

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableTwoFactor,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: currentUserQueryKey }),
  });
}
