import { ownTakedownListSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

/** Private to the signed-in creator: dropped from the cache on sign-out. */
export const myTakedownsQueryKey = [privateQueryKeyPrefix, 'takedown-notices'] as const;

/** `GET /api/v1/me/takedown-notices`: confirmed notices against the caller's own Nanos, newest first. */
export function getMyTakedowns(signal?: AbortSignal) {
  return apiFetch('/api/v1/me/takedown-notices', ownTakedownListSchema, { signal });
}

export function useMyTakedowns() {
  return useQuery(
    queryOptions({ queryKey: myTakedownsQueryKey, queryFn: ({ signal }) => getMyTakedowns(signal) }),
  );
}
