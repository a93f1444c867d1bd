import { takedownPageSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { MODERATION_PAGE_SIZE, MODERATION_REFRESH_MS, moderationQueryKey } from './moderation-keys.ts';

export type TakedownPage = z.infer<typeof takedownPageSchema>;
export type TakedownFilter = 'open' | 'decided';

/** `GET /api/v1/moderation/takedowns?status=open|decided&page=&pageSize=`: confirmed copyright notices. */
export function getTakedowns(
  status: TakedownFilter,
  page: number,
  signal?: AbortSignal,
): Promise<TakedownPage> {
  const query = new URLSearchParams({ status, page: String(page), pageSize: String(MODERATION_PAGE_SIZE) });
  return apiFetch(`/api/v1/moderation/takedowns?${query}`, takedownPageSchema, { signal });
}

export function useTakedowns(status: TakedownFilter, page: number) {
  return useQuery(
    queryOptions({
      queryKey: [...moderationQueryKey, 'takedowns', status, page],
      queryFn: ({ signal }) => getTakedowns(status, page, signal),
      placeholderData: keepPreviousData,
      refetchInterval: MODERATION_REFRESH_MS,
      staleTime: 0,
    }),
  );
}
