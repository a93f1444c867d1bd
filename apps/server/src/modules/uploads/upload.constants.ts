/** One mebibyte; the spec's "MB" limits are binary megabytes, as file managers show them. */
export const MIB = 1024 * 1024;

/** Largest ZIP a provider may upload (SPEC §4.2). */
export const ZIP_MAX_BYTES = 100 * MIB;
/** Most central-directory records (files and folders) one ZIP may hold. */
export const ZIP_MAX_ENTRIES = 2000;
/** Largest uncompressed size of one entry. */
export const ENTRY_MAX_BYTES = 50 * MIB;
/** Largest uncompressed size of all entries together. */
export const TOTAL_UNCOMPRESSED_MAX_BYTES = 500 * MIB;
/** Highest uncompressed-to-compressed ratio of one entry (zip-bomb guard). */
export const COMPRESSION_RATIO_MAX = 100;
/**
 * Entries up to this uncompressed size are exempt from the ratio rule: a small file of repeated characters
 * legitimately compresses beyond 100:1 (deflate reaches ~1000:1), yet cannot hurt us, whereas every bomb is large.
 */
export const COMPRESSION_RATIO_MIN_BYTES = 1 * MIB;
/**
 * Longest entry path in UTF-8 bytes; also keeps `<version prefix>/<path>` within the storage key rules
 * (segments ≤ 255 bytes, keys ≤ 1024 bytes).
 */
export const PATH_MAX_BYTES = 255;

/** The limits an inspection enforces; tests shrink them so they need no half-gigabyte fixtures. */
export interface UploadLimits {
  zipMaxBytes: number;
  maxEntries: number;
  entryMaxBytes: number;
  totalMaxBytes: number;
  compressionRatioMax: number;
  compressionRatioMinBytes: number;
}

/** The limits of SPEC §4.2. */
export const DEFAULT_UPLOAD_LIMITS: Readonly<UploadLimits> = Object.freeze({
  zipMaxBytes: ZIP_MAX_BYTES,
  maxEntries: ZIP_MAX_ENTRIES,
  entryMaxBytes: ENTRY_MAX_BYTES,
  totalMaxBytes: TOTAL_UNCOMPRESSED_MAX_BYTES,
  compressionRatioMax: COMPRESSION_RATIO_MAX,
  compressionRatioMinBytes: COMPRESSION_RATIO_MIN_BYTES,
});

/** Identifier of an allowed kind of file; stored as `nano_version_files.kind`. */
export type FileKindId =
  | 'pdf'
  | 'jpeg'
  | 'png'
  | 'webp'
  | 'mp4'
  | 'webm'
  | 'mp3'
  | 'text'
  | 'markdown'
  | 'vtt'
  | 'html'
  | 'css'
  | 'js'
  | 'font-woff'
  | 'font-woff2'
  | 'font-ttf'
  | 'font-otf'
  | 'xml'
  | 'json';

/**
 * How the content of a kind is verified: binary formats by magic bytes (`detectedAs` lists the `file-type`
 * extensions that count as a match), text formats as valid UTF-8 without NUL bytes (no magic bytes exist).
 */
export type ContentCheck = { type: 'magic'; detectedAs: readonly string[] } | { type: 'text' };

/** One row of the allow-list of SPEC §4.2. */
export interface FileKind {
  id: FileKindId;
  /** Lower-case file name extensions without the dot. */
  extensions: readonly string[];
  /** The `Content-Type` the viewer serves the file with. */
  mimeType: string;
  contentCheck: ContentCheck;
  /** Allowed only inside an HTML or SCORM package (`index.html` or `imsmanifest.xml` at the ZIP root). */
  packageOnly: boolean;
}

const TEXT: ContentCheck = { type: 'text' };
const magic = (...detectedAs: string[]): ContentCheck => ({ type: 'magic', detectedAs });

/**
 * The allow-list. SVG is deliberately absent: it is XML that can carry scripts, and the spec does not list it.
 * Anything not here is refused, whatever its content.
 */
export const FILE_KINDS: readonly FileKind[] = [
  // An Adobe Illustrator file is a PDF with private data, which file-type reports as `ai`.
  {
    id: 'pdf',
    extensions: ['pdf'],
    mimeType: 'application/pdf',
    contentCheck: magic('pdf', 'ai'),
    packageOnly: false,
  },
  {
    id: 'jpeg',
    extensions: ['jpg', 'jpeg'],
    mimeType: 'image/jpeg',
    contentCheck: magic('jpg'),
    packageOnly: false,
  },
  // An animated PNG is still a PNG every browser shows.
  {
    id: 'png',
    extensions: ['png'],
    mimeType: 'image/png',
    contentCheck: magic('png', 'apng'),
    packageOnly: false,
  },
  {
    id: 'webp',
    extensions: ['webp'],
    mimeType: 'image/webp',
    contentCheck: magic('webp'),
    packageOnly: false,
  },
  // `m4v` is Apple's brand of the same MP4 container.
  {
    id: 'mp4',
    extensions: ['mp4'],
    mimeType: 'video/mp4',
    contentCheck: magic('mp4', 'm4v'),
    packageOnly: false,
  },
  {
    id: 'webm',
    extensions: ['webm'],
    mimeType: 'video/webm',
    contentCheck: magic('webm'),
    packageOnly: false,
  },
  { id: 'mp3', extensions: ['mp3'], mimeType: 'audio/mpeg', contentCheck: magic('mp3'), packageOnly: false },
  {
    id: 'text',
    extensions: ['txt'],
    mimeType: 'text/plain; charset=utf-8',
    contentCheck: TEXT,
    packageOnly: false,
  },
  {
    id: 'markdown',
    extensions: ['md', 'markdown'],
    mimeType: 'text/markdown; charset=utf-8',
    contentCheck: TEXT,
    packageOnly: false,
  },
  {
    // WebVTT captions and transcripts for videos (WCAG 2.1 AA asks for captions).
    id: 'vtt',
    extensions: ['vtt'],
    mimeType: 'text/vtt; charset=utf-8',
    contentCheck: TEXT,
    packageOnly: false,
  },
  {
    id: 'html',
    extensions: ['html', 'htm'],
    mimeType: 'text/html; charset=utf-8',
    contentCheck: TEXT,
    packageOnly: true,
  },
  {
    id: 'css',
    extensions: ['css'],
    mimeType: 'text/css; charset=utf-8',
    contentCheck: TEXT,
    packageOnly: true,
  },
  {
    id: 'js',
    extensions: ['js', 'mjs'],
    mimeType: 'text/javascript; charset=utf-8',
    contentCheck: TEXT,
    packageOnly: true,
  },
  {
    id: 'font-woff',
    extensions: ['woff'],
    mimeType: 'font/woff',
    contentCheck: magic('woff'),
    packageOnly: true,
  },
  {
    id: 'font-woff2',
    extensions: ['woff2'],
    mimeType: 'font/woff2',
    contentCheck: magic('woff2'),
    packageOnly: true,
  },
  {
    id: 'font-ttf',
    extensions: ['ttf'],
    mimeType: 'font/ttf',
    contentCheck: magic('ttf'),
    packageOnly: true,
  },
  {
    id: 'font-otf',
    extensions: ['otf'],
    mimeType: 'font/otf',
    contentCheck: magic('otf'),
    packageOnly: true,
  },
  // SCORM needs its manifest and the schema files it references (.xsd, and .dtd in SCORM 2004 packages).
  {
    id: 'xml',
    extensions: ['xml', 'xsd', 'dtd'],
    mimeType: 'application/xml',
    contentCheck: TEXT,
    packageOnly: true,
  },
  { id: 'json', extensions: ['json'], mimeType: 'application/json', contentCheck: TEXT, packageOnly: true },
];

const KIND_BY_EXTENSION: ReadonlyMap<string, FileKind> = new Map(
  FILE_KINDS.flatMap((kind) => kind.extensions.map((extension) => [extension, kind] as const)),
);

/** The lower-case extension of the last path segment without the dot, or '' when it has none. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  // A leading dot marks a hidden file (`.htaccess`), not an extension.
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** The allowed kind a path's extension names, or null when the extension is not on the allow-list. */
export function kindForPath(path: string): FileKind | null {
  return KIND_BY_EXTENSION.get(extensionOf(path)) ?? null;
}

/** What a package is, by the file at the ZIP root that makes it one. */
export type PackageType = 'html' | 'scorm';

/** Root files that turn a ZIP into a package; SCORM wins when both exist, its manifest names the entry point. */
export const PACKAGE_MARKERS: Readonly<Record<PackageType, string>> = {
  html: 'index.html',
  scorm: 'imsmanifest.xml',
};

const SYSTEM_CLUTTER_NAMES: ReadonlySet<string> = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

/** Operating-system clutter in ZIPs made by Finder or Explorer: skipped, neither checked for type nor extracted. */
export function isSystemClutter(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return path === '__MACOSX' || path.startsWith('__MACOSX/') || SYSTEM_CLUTTER_NAMES.has(name);
}
