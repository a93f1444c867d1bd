import type { takedownDecisionRequestSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { moderationQueryKey } from './moderation-keys.ts';

export type TakedownDecision = z.input<typeof takedownDecisionRequestSchema>;

/**
 * `POST /api/v1/moderation/takedowns/{id}/decide`: uphold (the Nano is archived) or reject (it is
 * shown again) a notice that awaits or has a response; creator and complainant are told.
 */
export async function decideTakedown({
  takedownId,
  body,
}: {
  takedownId: string;
  body: TakedownDecision;
}): Promise<void> {
  await apiFetch(`/api/v1/moderation/takedowns/${encodeURIComponent(takedownId)}/decide`, z.unknown(), {
    method: 'POST',
    json: body,
  });
}

export function useDecideTakedown() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideTakedown,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationQueryKey }),
  });
}
