import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch, noContentSchema } from '../../../shared/api/client.ts';
import { refreshAfterOwnRating } from './rating-cache.ts';

/** `DELETE /api/v1/nanos/{id}/rating`: withdraws the caller's own rating and comment. */
export function deleteRating(nanoId: string): Promise<undefined> {
  return apiFetch(`/api/v1/nanos/${encodeURIComponent(nanoId)}/rating`, noContentSchema, {
    method: 'DELETE',
  });
}

export function useDeleteRating() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRating,
    onSuccess: (_answer, nanoId) => refreshAfterOwnRating(queryClient, nanoId),
  });
}
