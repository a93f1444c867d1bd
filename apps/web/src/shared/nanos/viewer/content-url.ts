import type { NanoFile } from '@nano/contracts';

/** How the viewer shows a file, from the `kind` the server detected by content. */
export type ViewKind = 'pdf' | 'image' | 'video' | 'audio' | 'text' | 'none';

const VIEW_KINDS: Record<string, ViewKind> = {
  pdf: 'pdf',
  jpeg: 'image',
  png: 'image',
  webp: 'image',
  mp4: 'video',
  webm: 'video',
  mp3: 'audio',
  text: 'text',
  markdown: 'text',
  vtt: 'text',
};

/** The way to show a file; package parts (HTML, CSS, fonts …) only inside their package. */
export function viewKindOf(file: NanoFile): ViewKind {
  return VIEW_KINDS[file.kind] ?? 'none';
}

/** The entry page of an HTML or SCORM package (our viewer starts SCORM at `index.html` too). */
export const PACKAGE_ENTRY = 'index.html';

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Address of one file of a version (Range requests supported, so video can seek). */
export function contentUrl(nanoId: string, versionId: string, path: string): string {
  return `/api/v1/nanos/${encodeURIComponent(nanoId)}/versions/${encodeURIComponent(versionId)}/content/${encodePath(path)}`;
}

/** Address of the original ZIP; a given version only for owner and staff. */
export function downloadUrl(nanoId: string, versionId?: string): string {
  const base = `/api/v1/nanos/${encodeURIComponent(nanoId)}/download`;
  return versionId ? `${base}?${new URLSearchParams({ version: versionId })}` : base;
}

/** The last segment of a path ("folien/teil-1.pdf" → "teil-1.pdf"). */
export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Caption files for a video or audio file: WebVTT files named like it, e.g. `kurs.vtt` or
 * `kurs.de.vtt` for `kurs.mp4`. The part between the names is taken as the caption language.
 */
export function captionsFor(
  media: NanoFile,
  files: readonly NanoFile[],
): Array<{ file: NanoFile; language: string | null }> {
  const base = media.path.replace(/\.[^./]+$/, '');
  return files
    .filter((f) => f.kind === 'vtt' && f.path.startsWith(`${base}.`))
    .map((file) => {
      const middle = file.path.slice(base.length + 1, -'.vtt'.length);
      return { file, language: /^[a-z]{2}$/.test(middle) ? middle : null };
    });
}
