import type { SavedSearch } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch, noContentSchema } from '../../../shared/api/client.ts';
import { savedSearchesQueryKey } from './get-saved-searches.ts';

/** `DELETE /api/v1/me/saved-searches/{id}`. */
export function deleteSavedSearch(id: string): Promise<undefined> {
  return apiFetch(`/api/v1/me/saved-searches/${encodeURIComponent(id)}`, noContentSchema, {
    method: 'DELETE',
  });
}

export function useDeleteSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSavedSearch,
    onSuccess: (_answer, id) => {
      queryClient.setQueryData<SavedSearch[]>(savedSearchesQueryKey, (items) =>
        items?.filter((item) => item.id !== id),
      );
    },
  });
}
