import { type Profile, profileSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { storeProfile } from './update-profile.ts';

/** `DELETE /api/v1/me/avatar`: back to initials; the profile without `avatarUrl`. */
export function deleteAvatar(): Promise<Profile> {
  return apiFetch('/api/v1/me/avatar', profileSchema, { method: 'DELETE' });
}

export function useDeleteAvatar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAvatar,
    onSuccess: (profile) => storeProfile(queryClient, profile),
  });
}
