import { type ReviewClaim, type ReviewDetail, reviewClaimSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, apiFetch } from '../../../shared/api/client.ts';
import { reviewDetailQueryKey } from './get-review-detail.ts';
import { moderationQueryKey } from './moderation-keys.ts';

/**
 * `POST /api/v1/moderation/nanos/{id}/claim`: take over (or renew) the review for
 * `MODERATION_LIMITS.claimMinutes`. 409 `review_claimed` while a colleague holds it.
 */
export function claimReview(nanoId: string): Promise<ReviewClaim> {
  return apiFetch(`/api/v1/moderation/nanos/${encodeURIComponent(nanoId)}/claim`, reviewClaimSchema, {
    method: 'POST',
  });
}

/** `DELETE /api/v1/moderation/nanos/{id}/claim`: hand the review back. */
export async function releaseReview(nanoId: string): Promise<void> {
  await apiFetch(`/api/v1/moderation/nanos/${encodeURIComponent(nanoId)}/claim`, z.unknown(), {
    method: 'DELETE',
  });
}

function storeClaim(
  queryClient: ReturnType<typeof useQueryClient>,
  nanoId: string,
  claim: ReviewClaim | null,
): void {
  queryClient.setQueryData<ReviewDetail>(reviewDetailQueryKey(nanoId), (detail) =>
    detail ? { ...detail, claim } : detail,
  );
}

/** Claims the review; on a conflict the detail is refetched to show who holds it. */
export function useClaimReview(nanoId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => claimReview(nanoId),
    onSuccess: (claim) => {
      storeClaim(queryClient, nanoId, claim);
      void queryClient.invalidateQueries({ queryKey: [...moderationQueryKey, 'queue'] });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: reviewDetailQueryKey(nanoId) });
      }
    },
  });
}

export function useReleaseReview(nanoId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => releaseReview(nanoId),
    onSuccess: () => {
      storeClaim(queryClient, nanoId, null);
      void queryClient.invalidateQueries({ queryKey: [...moderationQueryKey, 'queue'] });
    },
  });
}
