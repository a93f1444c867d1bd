import { type createSavedSearchRequestSchema, type SavedSearch, savedSearchSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { savedSearchesQueryKey } from './get-saved-searches.ts';

export type CreateSavedSearchBody = z.input<typeof createSavedSearchRequestSchema>;

/** Problem code when the user already has the most saved searches allowed (20). */
export const SAVED_SEARCH_LIMIT_CODE = 'saved_search_limit';

/** `POST /api/v1/me/saved-searches`: saves the current filters under a name, with or without alert. */
export function createSavedSearch(body: CreateSavedSearchBody): Promise<SavedSearch> {
  return apiFetch('/api/v1/me/saved-searches', savedSearchSchema, { method: 'POST', json: body });
}

export function useCreateSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSavedSearch,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedSearchesQueryKey }),
  });
}
