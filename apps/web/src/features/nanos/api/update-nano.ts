import { type Nano, nanoSchema, type updateNanoRequestSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { storeNano } from '../../../shared/nanos/api/get-nano.ts';

export type UpdateNanoBody = z.output<typeof updateNanoRequestSchema>;

/**
 * `PATCH /api/v1/nanos/{id}`: changes the metadata given. With the `rowVersion` last read, so
 * that a change by someone else in between answers 412 `precondition_failed` instead of being
 * overwritten.
 */
export function updateNano({ id, body }: { id: string; body: UpdateNanoBody }): Promise<Nano> {
  return apiFetch(`/api/v1/nanos/${encodeURIComponent(id)}`, nanoSchema, { method: 'PATCH', json: body });
}

export function useUpdateNano() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateNano, onSuccess: (nano) => storeNano(queryClient, nano) });
}
