import { type ErasureRequest, erasureScheduledSchema, type restrictionRequestSchema } from '@nano/contracts';
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';

export type RestrictionBody = z.output<typeof restrictionRequestSchema>;

/** `POST /api/v1/me/erasure` → 202 {status: scheduled, scheduledFor}; the account is deactivated at once. */
export function useRequestErasure() {
  return useMutation({
    mutationFn: (body: ErasureRequest) =>
      apiFetch('/api/v1/me/erasure', erasureScheduledSchema, { method: 'POST', json: body }),
  });
}

/** `POST /api/v1/me/restriction`: freezes the account until an admin lifts it (the answer body is not used). */
export function useRequestRestriction() {
  return useMutation({
    mutationFn: (body: RestrictionBody) =>
      apiFetch('/api/v1/me/restriction', z.unknown(), { method: 'POST', json: body }),
  });
}
