import { sessionListSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

export const sessionsQueryKey = [privateQueryKeyPrefix, 'sessions'] as const;

/** `GET /api/v1/auth/sessions`: the devices signed in to this account. */
export function getSessions(signal?: AbortSignal) {
  return apiFetch('/api/v1/auth/sessions', sessionListSchema, { signal });
}

export function sessionsQueryOptions() {
  return queryOptions({
    queryKey: sessionsQueryKey,
    queryFn: ({ signal }) => getSessions(signal),
    staleTime: 0,
  });
}

export function useSessions() {
  return useQuery(sessionsQueryOptions());
}
