import { acceptedResponseSchema, type registerRequestSchema } from '@nano/contracts';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';

export type RegisterBody = z.output<typeof registerRequestSchema>;

/**
 * `POST /api/v1/auth/register`: always `accepted` (no hint whether the address is taken);
 * the verification link goes out by email.
 */
export function register(body: RegisterBody) {
  return apiFetch('/api/v1/auth/register', acceptedResponseSchema, { method: 'POST', json: body });
}

export function useRegister() {
  return useMutation({ mutationFn: register });
}
