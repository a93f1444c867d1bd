import type { liftRestrictionSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { adminQueryKey } from './keys.ts';

export type LiftRestrictionBody = z.input<typeof liftRestrictionSchema>;

/** `POST /api/v1/admin/users/{id}/restriction/lift` {note?}: ends an Art. 18 restriction. */
export async function liftRestriction({
  id,
  body,
}: {
  id: string;
  body: LiftRestrictionBody;
}): Promise<void> {
  await apiFetch(`/api/v1/admin/users/${encodeURIComponent(id)}/restriction/lift`, z.unknown(), {
    method: 'POST',
    json: body,
  });
}

/** The account's status changes: the users table, its detail and the inventory are asked again. */
export function useLiftRestriction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: liftRestriction,
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminQueryKey }),
  });
}
