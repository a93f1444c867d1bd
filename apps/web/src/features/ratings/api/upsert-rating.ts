import { type Rating, ratingSchema, type UpsertRatingRequest } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { refreshAfterOwnRating } from './rating-cache.ts';

/** `PUT /api/v1/nanos/{id}/rating`: creates or changes the caller's own rating. */
export function upsertRating({
  nanoId,
  body,
}: {
  nanoId: string;
  body: UpsertRatingRequest;
}): Promise<Rating> {
  return apiFetch(`/api/v1/nanos/${encodeURIComponent(nanoId)}/rating`, ratingSchema, {
    method: 'PUT',
    json: body,
  });
}

export function useUpsertRating() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: upsertRating,
    onSuccess: (_rating, { nanoId }) => refreshAfterOwnRating(queryClient, nanoId),
  });
}
