import type { createCategoryRequestSchema, updateCategoryRequestSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { categoriesQueryOptions } from '../../../shared/api/get-categories.ts';
import { adminCategoriesQueryKey } from './get-admin-categories.ts';

export type CreateCategoryBody = z.input<typeof createCategoryRequestSchema>;
export type UpdateCategoryBody = z.input<typeof updateCategoryRequestSchema>;

/** The server's code for a slug another category already has. */
export const SLUG_TAKEN_CODE = 'slug_taken';

/** The answers carry the changed category; the editor refetches the whole tree (positions shift). */
const anyAnswerSchema = z.unknown();

/** `POST /api/v1/admin/categories`: a new category at the end of its parent (409 `slug_taken`). */
export async function createCategory(body: CreateCategoryBody): Promise<void> {
  await apiFetch('/api/v1/admin/categories', anyAnswerSchema, { method: 'POST', json: body });
}

/** `PATCH /api/v1/admin/categories/{id}`: rename, move (parent and/or position), (de)activate. */
export async function updateCategory({ id, body }: { id: string; body: UpdateCategoryBody }): Promise<void> {
  await apiFetch(`/api/v1/admin/categories/${encodeURIComponent(id)}`, anyAnswerSchema, {
    method: 'PATCH',
    json: body,
  });
}

function useCategoryMutation<Variables>(mutationFn: (variables: Variables) => Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: adminCategoriesQueryKey }),
        // The public tree (filters, upload form) shows the change too.
        queryClient.invalidateQueries({ queryKey: categoriesQueryOptions().queryKey }),
      ]),
  });
}

export function useCreateCategory() {
  return useCategoryMutation(createCategory);
}

export function useUpdateCategory() {
  return useCategoryMutation(updateCategory);
}
