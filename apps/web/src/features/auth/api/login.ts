import { type LoginResponse, type loginRequestSchema, loginResponseSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { setCurrentUser } from '../../../shared/auth/get-current-user.ts';

export type LoginBody = z.output<typeof loginRequestSchema>;

/**
 * `POST /api/v1/auth/login` with email or username: signed in (`user`), or a second factor
 * is needed. Fails with `invalid_credentials` (401), `email_not_verified` (403) or `rate_limited` (429).
 */
export function login(body: LoginBody): Promise<LoginResponse> {
  return apiFetch('/api/v1/auth/login', loginResponseSchema, { method: 'POST', json: body });
}

/** Logs in; a signed-in user goes straight into the current-user cache. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (response) => {
      if (!response.twoFactorRequired) {
        setCurrentUser(queryClient, response.user);
      }
    },
  });
}
