import { type Nano, nanoSchema } from '@nano/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type UploadProgress, uploadWithProgress } from '../../../shared/api/upload-with-progress.ts';
import { storeNano } from '../../../shared/nanos/api/get-nano.ts';

/** Largest ZIP the server takes (SPEC §4.2). */
export const ZIP_MAX_BYTES = 100 * 1024 * 1024;

export interface VersionUpload {
  nanoId: string;
  file: File;
  /** Required once the Nano is published (a new version); ignored for a draft's file. */
  changelog?: string;
  bump?: 'minor' | 'major';
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/**
 * `POST /api/v1/nanos/{id}/versions` (multipart): the text fields go before the file, because the
 * server reads the parts as they stream in. A refused ZIP throws `UploadRejectedError` (422) with
 * a problem per entry; a missing changelog a 400 at `body.changelog`; too large a 413.
 */
export function uploadVersion({
  nanoId,
  file,
  changelog,
  bump,
  onProgress,
  signal,
}: VersionUpload): Promise<Nano> {
  const body = new FormData();
  if (changelog?.trim()) {
    body.append('changelog', changelog.trim());
  }
  if (bump) {
    body.append('bump', bump);
  }
  body.append('file', file, file.name);
  return uploadWithProgress(`/api/v1/nanos/${encodeURIComponent(nanoId)}/versions`, nanoSchema, {
    body,
    onProgress,
    signal,
  });
}

export function useUploadVersion() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: uploadVersion, onSuccess: (nano) => storeNano(queryClient, nano) });
}
