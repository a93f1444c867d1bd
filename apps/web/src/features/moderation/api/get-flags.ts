import { type FlagTargetType, flagQueuePageSchema } from '@nano/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { MODERATION_PAGE_SIZE, MODERATION_REFRESH_MS, moderationQueryKey } from './moderation-keys.ts';

export type FlagQueuePage = z.infer<typeof flagQueuePageSchema>;
export type FlagStatus = 'open' | 'resolved';

export interface FlagQueueFilter {
  status: FlagStatus;
  targetType: FlagTargetType | null;
  page: number;
}

/** `GET /api/v1/moderation/flags?status=&targetType=&page=&pageSize=`: flagged targets with their flags, oldest first. */
export function getFlagQueue(filter: FlagQueueFilter, signal?: AbortSignal): Promise<FlagQueuePage> {
  const query = new URLSearchParams({
    status: filter.status,
    page: String(filter.page),
    pageSize: String(MODERATION_PAGE_SIZE),
  });
  if (filter.targetType) {
    query.set('targetType', filter.targetType);
  }
  return apiFetch(`/api/v1/moderation/flags?${query}`, flagQueuePageSchema, { signal });
}

export function useFlagQueue(filter: FlagQueueFilter) {
  return useQuery(
    queryOptions({
      queryKey: [...moderationQueryKey, 'flags', filter],
      queryFn: ({ signal }) => getFlagQueue(filter, signal),
      placeholderData: keepPreviousData,
      refetchInterval: MODERATION_REFRESH_MS,
      staleTime: 0,
    }),
  );
}
