import { type ModerationOverview, moderationOverviewSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { MODERATION_REFRESH_MS, moderationQueryKey } from './moderation-keys.ts';

/** `GET /api/v1/moderation/overview`: size, oldest age and SLA state of every queue (the workspace tabs). */
export function getModerationOverview(signal?: AbortSignal): Promise<ModerationOverview> {
  return apiFetch('/api/v1/moderation/overview', moderationOverviewSchema, { signal });
}

export function useModerationOverview() {
  return useQuery(
    queryOptions({
      queryKey: [...moderationQueryKey, 'overview'],
      queryFn: ({ signal }) => getModerationOverview(signal),
      refetchInterval: MODERATION_REFRESH_MS,
      staleTime: 0,
    }),
  );
}
