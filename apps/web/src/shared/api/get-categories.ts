import { type CategoryTree, categoryTreeSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from './client.ts';

/** `GET /api/v1/categories`: the two-level topic tree, top-level categories with their children. */
export function getCategories(signal?: AbortSignal): Promise<CategoryTree> {
  return apiFetch('/api/v1/categories', categoryTreeSchema, { signal });
}

/** Query options for the category tree; names carry both languages, so one entry serves both. */
export function categoriesQueryOptions() {
  return queryOptions({
    queryKey: ['categories'],
    queryFn: ({ signal }) => getCategories(signal),
    staleTime: 10 * 60_000,
  });
}

/** The category tree, cached for ten minutes (the taxonomy changes rarely). */
export function useCategories() {
  return useQuery(categoriesQueryOptions());
}
