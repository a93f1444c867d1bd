import { type Profile, profileSchema, type profileUpdateSchema } from '@nano/contracts';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../../shared/api/client.ts';
import { currentUserQueryKey } from '../../../shared/auth/get-current-user.ts';
import { profileQueryKey } from './get-profile.ts';

export type ProfileUpdateBody = z.output<typeof profileUpdateSchema>;

/** `PATCH /api/v1/me/profile`: changes the fields given; null clears a field. */
export function updateProfile(body: ProfileUpdateBody): Promise<Profile> {
  return apiFetch('/api/v1/me/profile', profileSchema, { method: 'PATCH', json: body });
}

/**
 * The profile the server answered with goes into the cache; the current user (display name
 * and avatar in the header) is loaded again.
 */
export function storeProfile(queryClient: QueryClient, profile: Profile): Promise<void> {
  queryClient.setQueryData(profileQueryKey, profile);
  return queryClient.invalidateQueries({ queryKey: currentUserQueryKey });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: (profile) => storeProfile(queryClient, profile),
  });
}
