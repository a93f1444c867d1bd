import { type FlagDetail, flagDetailSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { moderationQueryKey } from './moderation-keys.ts';

/**
 * `GET /api/v1/moderation/flags/{id}`: the flagged content in context, the reporters' reasons,
 * the owner's history and the actions that fit. Each view is audited, so it is not polled.
 */
export function getFlag(flagId: string, signal?: AbortSignal): Promise<FlagDetail> {
  return apiFetch(`/api/v1/moderation/flags/${encodeURIComponent(flagId)}`, flagDetailSchema, { signal });
}

export function useFlag(flagId: string) {
  return useQuery(
    queryOptions({
      queryKey: [...moderationQueryKey, 'flag', flagId],
      queryFn: ({ signal }) => getFlag(flagId, signal),
      staleTime: Number.POSITIVE_INFINITY,
      refetchOnWindowFocus: false,
    }),
  );
}
