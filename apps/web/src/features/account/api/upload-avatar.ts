import { type Profile, profileSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { storeProfile } from './update-profile.ts';

/** What `PUT /me/avatar` takes: JPEG, PNG or WebP up to 5 MB (the server crops it to 200×200). */
export const AVATAR_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;

/** `PUT /api/v1/me/avatar` (multipart field `file`): the profile with the new `avatarUrl`. */
export function uploadAvatar(file: File): Promise<Profile> {
  const body = new FormData();
  body.append('file', file);
  return apiFetch('/api/v1/me/avatar', profileSchema, { method: 'PUT', body });
}

export function useUploadAvatar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadAvatar,
    onSuccess: (profile) => storeProfile(queryClient, profile),
  });
}
