import { appealPageSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { MODERATION_PAGE_SIZE, MODERATION_REFRESH_MS, moderationQueryKey } from './moderation-keys.ts';

export type AppealPage = z.infer<typeof appealPageSchema>;
export type AppealFilter = 'open' | 'decided';

/** `GET /api/v1/moderation/appeals?status=open|decided&page=&pageSize=`: appeals with their original decision. */
export function getAppeals(status: AppealFilter, page: number, signal?: AbortSignal): Promise<AppealPage> {
  const query = new URLSearchParams({ status, page: String(page), pageSize: String(MODERATION_PAGE_SIZE) });
  return apiFetch(`/api/v1/moderation/appeals?${query}`, appealPageSchema, { signal });
}

export function useAppeals(status: AppealFilter, page: number) {
  return useQuery(
    queryOptions({
      queryKey: [...moderationQueryKey, 'appeals', status, page],
      queryFn: ({ signal }) => getAppeals(status, page, signal),
      placeholderData: keepPreviousData,
      refetchInterval: MODERATION_REFRESH_MS,
      staleTime: 0,
    }),
  );
}
