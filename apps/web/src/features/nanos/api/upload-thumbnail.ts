import { type Nano, nanoSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../shared/api/client.ts';
import { storeNano } from '../../../shared/nanos/api/get-nano.ts';

/** What `PUT /nanos/{id}/thumbnail` takes: JPEG, PNG or WebP up to 5 MB (stored as 640×360). */
export const THUMBNAIL_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const THUMBNAIL_MAX_BYTES = 5 * 1024 * 1024;

/** `PUT /api/v1/nanos/{id}/thumbnail` (multipart field `file`): the Nano with its new `thumbnailUrl`. */
export function uploadThumbnail({ nanoId, file }: { nanoId: string; file: File }): Promise<Nano> {
  const body = new FormData();
  body.append('file', file);
  return apiFetch(`/api/v1/nanos/${encodeURIComponent(nanoId)}/thumbnail`, nanoSchema, {
    method: 'PUT',
    body,
  });
}

export function useUploadThumbnail() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: uploadThumbnail, onSuccess: (nano) => storeNano(queryClient, nano) });
}
