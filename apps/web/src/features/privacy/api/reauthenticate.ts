import type { reauthenticateSchema } from '@nano/contracts';
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';

export type ReauthenticateBody = z.output<typeof reauthenticateSchema>;

/** `POST /api/v1/me/reauthenticate`: confirms password (and 2FA code) for the sensitive actions. */
export function useReauthenticate() {
  return useMutation({
    mutationFn: (body: ReauthenticateBody) =>
      apiFetch('/api/v1/me/reauthenticate', z.unknown(), { method: 'POST', json: body }),
  });
}
