import { type SavedSearch, savedSearchSchema, type updateSavedSearchRequestSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { savedSearchesQueryKey } from './get-saved-searches.ts';

export type UpdateSavedSearchBody = z.input<typeof updateSavedSearchRequestSchema>;

/** `PATCH /api/v1/me/saved-searches/{id}`: renames it or turns its alert on or off. */
export function updateSavedSearch({
  id,
  body,
}: {
  id: string;
  body: UpdateSavedSearchBody;
}): Promise<SavedSearch> {
  return apiFetch(`/api/v1/me/saved-searches/${encodeURIComponent(id)}`, savedSearchSchema, {
    method: 'PATCH',
    json: body,
  });
}

/** The answer replaces the entry in the cached list at once (the switch does not jump back). */
export function useUpdateSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSavedSearch,
    onSuccess: (saved) => {
      queryClient.setQueryData<SavedSearch[]>(savedSearchesQueryKey, (items) =>
        items?.map((item) => (item.id === saved.id ? saved : item)),
      );
    },
  });
}
