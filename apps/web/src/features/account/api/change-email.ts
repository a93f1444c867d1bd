import { acceptedResponseSchema, type emailChangeRequestSchema } from '@nano/contracts';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';

export type EmailChangeBody = z.output<typeof emailChangeRequestSchema>;

/** `POST /api/v1/auth/email/change`: the new address takes effect once confirmed via the link sent to it. */
export function changeEmail(body: EmailChangeBody) {
  return apiFetch('/api/v1/auth/email/change', acceptedResponseSchema, { method: 'POST', json: body });
}

export function useChangeEmail() {
  return useMutation({ mutationFn: changeEmail });
}
