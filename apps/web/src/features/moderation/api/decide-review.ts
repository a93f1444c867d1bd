import { type ModerationReviewDecision, type Nano, nanoSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { storeNano } from '../../../shared/nanos/api/get-nano.ts';
import { moderationQueryKey } from './moderation-keys.ts';

/**
 * `POST /api/v1/moderation/nanos/{id}/decision`: approve (every checklist item ticked), request
 * changes or reject (at least one reason) the version under review; the creator receives the
 * statement of reasons. 409 when a colleague holds the review or nothing waits any more.
 */
export function decideReview({
  nanoId,
  body,
}: {
  nanoId: string;
  body: ModerationReviewDecision;
}): Promise<Nano> {
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
        queryClient.invalidateQueries({ queryKey: moderationQueryKey }),
      ]);
    },
  });
}
