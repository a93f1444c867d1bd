import { type Discover, discoverSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { nanosQueryKeyPrefix } from '../../../shared/nanos/api/get-nano.ts';

/** `GET /api/v1/discover`: the home page's blocks ("Für dich" is null for guests). */
export function getDiscover(signal?: AbortSignal): Promise<Discover> {
  return apiFetch('/api/v1/discover', discoverSchema, { signal });
}

/** Under the Nano prefix: "Für dich" depends on who asks, so signing in or out loads it again. */
export function useDiscover() {
  return useQuery(
    queryOptions({
      queryKey: [nanosQueryKeyPrefix, 'discover'],
      queryFn: ({ signal }) => getDiscover(signal),
    }),
  );
}
