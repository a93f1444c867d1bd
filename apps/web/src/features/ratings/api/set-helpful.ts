import { helpfulStateSchema, type Rating } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { patchRatingInCaches } from './rating-cache.ts';

interface SetHelpfulInput {
  rating: Pick<Rating, 'id' | 'nanoId'>;
  helpful: boolean;
}

/** `PUT|DELETE /api/v1/ratings/{id}/helpful`: marks a rating helpful, or takes the mark back (idempotent). */
export function setHelpful({ rating, helpful }: SetHelpfulInput) {
  return apiFetch(`/api/v1/ratings/${encodeURIComponent(rating.id)}/helpful`, helpfulStateSchema, {
    method: helpful ? 'PUT' : 'DELETE',
  });
}

export function useSetHelpful() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setHelpful,
    onSuccess: (state, { rating }) => patchRatingInCaches(queryClient, rating, state),
  });
}
