import { type PublicProfile, publicProfileSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';

/** `GET /api/v1/users/{username}`: what anyone may see of a user; 404 when unknown or hidden. */
export function getPublicProfile(username: string, signal?: AbortSignal): Promise<PublicProfile> {
  return apiFetch(`/api/v1/users/${encodeURIComponent(username)}`, publicProfileSchema, { signal });
}

export function publicProfileQueryOptions(username: string) {
  return queryOptions({
    queryKey: ['users', username.toLowerCase()],
    queryFn: ({ signal }) => getPublicProfile(username, signal),
  });
}

export function usePublicProfile(username: string) {
  return useQuery(publicProfileQueryOptions(username));
}
