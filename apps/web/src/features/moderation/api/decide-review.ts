import { type Nano, nanoSchema, type reviewDecisionRequestSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { storeNano } from '../../../shared/nanos/api/get-nano.ts';
import { reviewQueueQueryKey } from './get-review-queue.ts';

export type ReviewDecisionBody = z.output<typeof reviewDecisionRequestSchema>;

/**
 * `POST /api/v1/moderation/nanos/{id}/decision`: approve, request changes or reject the version
 * under review; the creator is notified. 409 when there is nothing to review (any more).
 */
export function decideReview({ nanoId, body }: { nanoId: string; body: ReviewDecisionBody }): Promise<Nano> {
  return apiFetch(`/api/v1/moderation/nanos/${encodeURIComponent(nanoId)}/decision`, nanoSchema, {
    method: 'POST',
    json: body,
  });
}

export function useDecideReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideReview,
    onSuccess: async (nano) => {
      await Promise.all([
        storeNano(queryClient, nano),
        queryClient.invalidateQueries({ queryKey: reviewQueueQueryKey }),
      ]);
    },
  });
}
