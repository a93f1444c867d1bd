import { appealSchema, type createAppealRequestSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { myDecisionsQueryKey } from './get-my-decisions.ts';

export type AppealBody = z.input<typeof createAppealRequestSchema>;

/**
 * `POST /api/v1/appeals`: the affected user objects to a decision, once, within the appeal
 * period (409 `appeal_exists` / `appeal_period_over` otherwise).
 */
export function createAppeal(body: AppealBody) {
  return apiFetch('/api/v1/appeals', appealSchema, { method: 'POST', json: body });
}

export function useCreateAppeal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAppeal,
    // The decision now carries the appeal's status instead of the form.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myDecisionsQueryKey }),
  });
}
