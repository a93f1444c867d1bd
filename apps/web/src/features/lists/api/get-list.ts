import { type ListDetail, listDetailSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { listsQueryKeyPrefix } from '../../../shared/nanos/api/lists-menu.ts';

export const listQueryKey = (id: string) => [...listsQueryKeyPrefix, 'detail', id] as const;

/** `GET /api/v1/lists/{id}` (owner): the list with every item in order. */
export function getList(id: string, signal?: AbortSignal): Promise<ListDetail> {
  return apiFetch(`/api/v1/lists/${encodeURIComponent(id)}`, listDetailSchema, { signal });
}

export function useList(id: string) {
  return useQuery(queryOptions({ queryKey: listQueryKey(id), queryFn: ({ signal }) => getList(id, signal) }));
}
