import { Entry } from 'yauzl';
import { decodeEntryName, displayPath, type NormalisedPath, normaliseEntryPath } from './entry-path.ts';
import { PACKAGE_MARKERS, type PackageType, type UploadLimits } from './upload.constants.ts';
import type { UploadProblem, UploadProblemCode } from './upload-problems.ts';

// Fixed part of a local file header, before its name and extra field (APPNOTE 4.3.7).
const LOCAL_HEADER_FIXED_BYTES = 30;
// Unix mode bits in the upper half of the external attributes; MS-DOS/NTFS attributes in the lower half.
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const DOS_DIRECTORY = 0x10;
const NTFS_REPARSE_POINT = 0x400;

export type EntryFileType = 'file' | 'directory' | 'symlink' | 'special';

/** Collects problems with their entry's position, so the answer lists them in archive order. */
export class ProblemList {
  private readonly items: { problem: UploadProblem; order: number }[] = [];

  add(order: number, path: string | null, code: UploadProblemCode, params?: UploadProblem['params']): void {
    this.items.push({ problem: params ? { path, code, params } : { path, code }, order });
  }

  archive(code: UploadProblemCode, params?: UploadProblem['params']): void {
    this.add(-1, null, code, params);
  }

  get size(): number {
    return this.items.length;
  }

  sorted(): UploadProblem[] {
    return [...this.items].sort((a, b) => a.order - b.order).map((item) => item.problem);
  }
}

/** What inspection keeps of a central-directory record. */
export interface EntryRecord {
  entry: Entry;
  /** The normalised path, or why there is none (`invalid_path` for a name that is not decodable). */
  normalised: NormalisedPath;
  /** The name as it can be shown in a problem, at most a few hundred characters. */
  shownName: string;
}

/**
 * Judges the name, then keeps a copy of the entry with only what reading its data needs: yauzl's entry holds
 * its name, extra field and comment (up to 192 KiB together), and 2,000 of those must not sit in memory.
 */
export function recordOf(entry: Entry): EntryRecord {
  const name = decodeEntryName(entry);
  const normalised: NormalisedPath =
    name === null ? { ok: false, code: 'invalid_path' } : normaliseEntryPath(name);
  const slim: Entry = Object.create(Entry.prototype);
  Object.assign(slim, {
    relativeOffsetOfLocalHeader: entry.relativeOffsetOfLocalHeader,
    compressedSize: entry.compressedSize,
    uncompressedSize: entry.uncompressedSize,
    compressionMethod: entry.compressionMethod,
    generalPurposeBitFlag: entry.generalPurposeBitFlag,
    crc32: entry.crc32,
    fileNameLength: entry.fileNameLength,
    externalFileAttributes: entry.externalFileAttributes,
  });
  return { entry: slim, normalised, shownName: displayPath(name ?? entry.fileNameRaw.toString('utf8')) };
}

/** The kind of file system object an entry claims to be, from its external attributes. */
export function entryFileType(entry: Entry): EntryFileType {
  const attributes = entry.externalFileAttributes;
  const unixType = (attributes >>> 16) & S_IFMT;
  if (unixType === S_IFLNK || attributes & NTFS_REPARSE_POINT) {
    return 'symlink';
  }
  if (unixType === 0) {
    // No Unix mode recorded (a Windows tool): only the MS-DOS directory bit tells.
    return attributes & DOS_DIRECTORY ? 'directory' : 'file';
  }
  if (unixType === S_IFDIR) {
    return 'directory';
  }
  return unixType === S_IFREG ? 'file' : 'special';
}

/** Header sizes over a limit; the content check later makes sure the header did not understate them. */
export function declaredSizeProblems(entry: Entry, limits: UploadLimits): Omit<UploadProblem, 'path'>[] {
  const size = entry.uncompressedSize;
  const found: Omit<UploadProblem, 'path'>[] = [];
  if (size > limits.entryMaxBytes) {
    found.push({ code: 'entry_too_large', params: { limitBytes: limits.entryMaxBytes, sizeBytes: size } });
  }
  if (size > limits.compressionRatioMinBytes && size > entry.compressedSize * limits.compressionRatioMax) {
    const ratio = Math.round(size / Math.max(entry.compressedSize, 1));
    found.push({ code: 'compression_ratio', params: { ratio, limit: limits.compressionRatioMax } });
  }
  return found;
}

/**
 * Reports files that another file shadows: the same path ignoring case (one would overwrite the other on a
 * case-insensitive disk) or a path used as a folder of another file (storage cannot hold both). Returns the
 * orders of the files reported.
 */
export function findClashes(
  files: readonly { path: string; order: number }[],
  directories: readonly string[],
  problems: ProblemList,
): Set<number> {
  const clashing = new Set<number>();
  const firstByKey = new Map<string, string>();
  for (const { path, order } of files) {
    const key = path.toLowerCase();
    const first = firstByKey.get(key);
    if (first === undefined) {
      firstByKey.set(key, path);
    } else {
      problems.add(order, path, 'duplicate_path', { other: first });
      clashing.add(order);
    }
  }
  const folderKeys = new Set(directories.map((directory) => directory.toLowerCase()));
  for (const { path } of files) {
    const segments = path.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      folderKeys.add(segments.slice(0, depth).join('/').toLowerCase());
    }
  }
  for (const { path, order } of files) {
    if (!clashing.has(order) && folderKeys.has(path.toLowerCase())) {
      problems.add(order, path, 'path_conflict');
      clashing.add(order);
    }
  }
  return clashing;
}

/** `scorm` when `imsmanifest.xml` sits at the root, else `html` for a root `index.html`, else null. */
export function detectPackage(files: readonly { path: string }[]): PackageType | null {
  const paths = new Set(files.map((file) => file.path));
  if (paths.has(PACKAGE_MARKERS.scorm)) {
    return 'scorm';
  }
  return paths.has(PACKAGE_MARKERS.html) ? 'html' : null;
}

/**
 * Whether two entries' data overlap (or run into the central directory): the trick of "overlapping" zip bombs,
 * where thousands of entries reuse one highly compressed kernel. Each local header is at least its fixed part
 * plus the name, so this lower bound never flags an honest archive.
 */
export function overlaps(records: readonly EntryRecord[], centralDirectoryOffset: number): boolean {
  const sorted = records
    .map((record) => record.entry)
    .sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  return sorted.some((entry, index) => {
    const end =
      entry.relativeOffsetOfLocalHeader +
      LOCAL_HEADER_FIXED_BYTES +
      entry.fileNameLength +
      entry.compressedSize;
    const next = sorted[index + 1]?.relativeOffsetOfLocalHeader ?? centralDirectoryOffset;
    return next < end;
  });
}
