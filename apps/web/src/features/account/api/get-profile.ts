import { type Profile, profileSchema } from '@nano/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { privateQueryKeyPrefix } from '../../../shared/auth/get-current-user.ts';

export const profileQueryKey = [privateQueryKeyPrefix, 'profile'] as const;

/** `GET /api/v1/me/profile`: the signed-in user's full profile. */
export function getProfile(signal?: AbortSignal): Promise<Profile> {
  return apiFetch('/api/v1/me/profile', profileSchema, { signal });
}

export function profileQueryOptions() {
  return queryOptions({ queryKey: profileQueryKey, queryFn: ({ signal }) => getProfile(signal) });
}

export function useProfile() {
  return useQuery(profileQueryOptions());
}
