import type { ReviewClaim } from '@nano/contracts';
import { useRef } from 'react';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { useClaimReview, useReleaseReview } from '../api/claim-review.ts';

export type ClaimState = 'free' | 'mine' | 'other';

/** Whether the review is free, held by the signed-in moderator, or by a colleague (expired claims are free). */
export function claimStateOf(
  claim: ReviewClaim | null,
  myId: string | undefined,
  now = Date.now(),
): ClaimState {
  if (!claim || new Date(claim.expiresAt).getTime() <= now) {
    return 'free';
  }
  return claim.by.id === myId ? 'mine' : 'other';
}

/**
 * The claim on a review: its state, explicit claim/renew and release, and `claimOnInteraction`,
 * which takes a free review over on the moderator's first tick or keystroke (once per page).
 */
export function useReviewClaim(nanoId: string, claim: ReviewClaim | null) {
  const me = useCurrentUser().data;
  const claimMutation = useClaimReview(nanoId);
  const releaseMutation = useReleaseReview(nanoId);
  const triedAutomatically = useRef(false);
  const state = claimStateOf(claim, me?.id);

  const claimOnInteraction = () => {
    if (state !== 'free' || triedAutomatically.current || claimMutation.isPending) {
      return;
    }
    triedAutomatically.current = true;
    releaseMutation.reset();
    claimMutation.mutate();
  };

  return {
    state,
    /** The active claim (null when free or expired). */
    active: state === 'free' ? null : claim,
    claimOnInteraction,
    take: () => {
      releaseMutation.reset();
      claimMutation.mutate();
    },
    release: () => {
      claimMutation.reset();
      releaseMutation.mutate();
    },
    pending: claimMutation.isPending || releaseMutation.isPending,
    error: claimMutation.error ?? releaseMutation.error,
  };
}
