import { type CreateFlagRequest, flagSchema } from '@nano/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';

/**
 * `POST /api/v1/flags`: reports a Nano, a rating, a message or a user to the moderators.
 * 409 `flag_exists` while the caller's earlier flag of the same target is open; 409/400
 * `flag_own` for the caller's own content.
 */
export function createFlag(body: CreateFlagRequest) {
  return apiFetch('/api/v1/flags', flagSchema, { method: 'POST', json: body });
}

export function useCreateFlag() {
  return useMutation({ mutationFn: createFlag });
}
