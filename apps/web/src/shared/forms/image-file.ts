import { useEffect, useState } from 'react';

/** Why a chosen image file cannot be uploaded, checked before sending it. */
export type ImageFileProblem = 'type' | 'size';

/** Checks a chosen file against the accepted MIME types and the size limit. */
export function checkImageFile(
  file: File,
  types: readonly string[],
  maxBytes: number,
): ImageFileProblem | undefined {
  if (!types.includes(file.type)) {
    return 'type';
  }
  return file.size > maxBytes ? 'size' : undefined;
}

/** A local preview of the chosen file (a blob: URL, revoked when no longer shown). */
export function usePreviewUrl(file: File | null): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!file) {
      setUrl(undefined);
      return;
    }
    const objectUrl = URL.createObjectURL(file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);
  return url;
}
