import { type createNanoRequestSchema, type Nano, nanoSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { storeNano } from '../../../shared/nanos/api/get-nano.ts';

export type CreateNanoBody = z.output<typeof createNanoRequestSchema>;

/** `POST /api/v1/nanos`: starts a draft (creators and staff); 201 with the Nano. */
export function createNano(body: CreateNanoBody): Promise<Nano> {
  return apiFetch('/api/v1/nanos', nanoSchema, { method: 'POST', json: body });
}

export function useCreateNano() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createNano, onSuccess: (nano) => storeNano(queryClient, nano) });
}
