import type { Rating } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch, noContentSchema } from '../../../shared/api/client.ts';
import { patchRatingInCaches } from './rating-cache.ts';

/** `DELETE /api/v1/ratings/{id}/reply`: the creator withdraws their answer. */
export function deleteReply(rating: Pick<Rating, 'id' | 'nanoId'>): Promise<undefined> {
  return apiFetch(`/api/v1/ratings/${encodeURIComponent(rating.id)}/reply`, noContentSchema, {
    method: 'DELETE',
  });
}

export function useDeleteReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteReply,
    onSuccess: (_answer, rating) => patchRatingInCaches(queryClient, rating, { reply: null }),
  });
}
