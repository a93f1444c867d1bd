import { type SharedList, sharedListSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';

/** Public (no sign-in), so not under the private `me` keys. */
export const sharedListQueryKey = (token: string) => ['shared-lists', token] as const;

/** `GET /api/v1/shared/lists/{token}`: a shared list's published Nanos; 404 once the link is revoked. */
export function getSharedList(token: string, signal?: AbortSignal): Promise<SharedList> {
  return apiFetch(`/api/v1/shared/lists/${encodeURIComponent(token)}`, sharedListSchema, { signal });
}

export function useSharedList(token: string) {
  return useQuery(
    queryOptions({
      queryKey: sharedListQueryKey(token),
      queryFn: ({ signal }) => getSharedList(token, signal),
    }),
  );
}
