import { type LoginResponse, loginResponseSchema, type twoFactorLoginRequestSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { setCurrentUser } from '../../../shared/auth/get-current-user.ts';

export type TwoFactorLoginBody = z.output<typeof twoFactorLoginRequestSchema>;

/** `POST /api/v1/auth/login/2fa`: the second step of a login, with a TOTP code or a backup code. */
export function loginTwoFactor(body: TwoFactorLoginBody): Promise<LoginResponse> {
  return apiFetch('/api/v1/auth/login/2fa', loginResponseSchema, { method: 'POST', json: body });
}

export function useLoginTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: loginTwoFactor,
    onSuccess: (response) => {
      if (!response.twoFactorRequired) {
        setCurrentUser(queryClient, response.user);
      }
    },
  });
}
