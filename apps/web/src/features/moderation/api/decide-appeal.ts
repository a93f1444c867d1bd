import type { appealDecisionRequestSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { moderationQueryKey } from './moderation-keys.ts';

export type AppealDecision = z.input<typeof appealDecisionRequestSchema>;

/**
 * `POST /api/v1/moderation/appeals/{id}/decide`: reverse (undo the action) or uphold; only
 * someone other than the original moderator (403 `appeal_same_moderator` otherwise).
 */
export async function decideAppeal({
  appealId,
  body,
}: {
  appealId: string;
  body: AppealDecision;
}): Promise<void> {
  await apiFetch(`/api/v1/moderation/appeals/${encodeURIComponent(appealId)}/decide`, z.unknown(), {
    method: 'POST',
    json: body,
  });
}

export function useDecideAppeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideAppeal,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationQueryKey }),
  });
}
