import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { crc32 } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import { Entry, type ZipFile } from 'yauzl';
import { decodeEntryName, displayPath, type NormalisedPath, normaliseEntryPath } from './entry-path.ts';
import {
  openEntryContent,
  openStoredZip,
  type ZipSource,
  ZipStorageReadError,
} from './storage-zip-reader.ts';
import {
  DEFAULT_UPLOAD_LIMITS,
  extensionOf,
  type FileKind,
  type FileKindId,
  isSystemClutter,
  kindForPath,
  PACKAGE_MARKERS,
  type PackageType,
  type UploadLimits,
} from './upload.constants.ts';
import type { UploadProblem, UploadProblemCode } from './upload-problems.ts';

/** One accepted file of a ZIP, as the catalog records it (`nano_version_files`) and the viewer serves it. */
export interface InspectedEntry {
  /** Normalised relative path (NFC, `/`-separated), unique in the archive ignoring case. */
  path: string;
  /** Uncompressed size, counted while streaming, not taken from the header. */
  size: number;
  compressedSize: number;
  kind: FileKindId;
  /** The `Content-Type` to serve it with. */
  mimeType: string;
  /** Hex SHA-256 of the uncompressed content. */
  sha256: string;
}

/** Every file passed every check. */
export interface AcceptedZip {
  ok: true;
  /** Files in archive order; folders and system clutter are not listed. */
  entries: InspectedEntry[];
  package: PackageType | null;
  totalUncompressed: number;
  /** Finder/Explorer clutter (`__MACOSX/`, `.DS_Store`, …) that was skipped and must not be extracted. */
  ignoredPaths: string[];
}

/** At least one problem; whole-archive problems first, then per entry in archive order. */
export interface RejectedZip {
  ok: false;
  problems: UploadProblem[];
}

/** Outcome of {@link inspectZip}. */
export type ZipInspection = AcceptedZip | RejectedZip;

// file-type's own "reasonable detection size": every format on our allow-list is recognised within it.
const MAGIC_SAMPLE_BYTES = 4100;
// Fixed part of a local file header, before its name and extra field (APPNOTE 4.3.7).
const LOCAL_HEADER_FIXED_BYTES = 30;
const SIGNATURE_BYTES = 4;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
// Unix mode bits in the upper half of the external attributes; MS-DOS/NTFS attributes in the lower half.
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const DOS_DIRECTORY = 0x10;
const NTFS_REPARSE_POINT = 0x400;

type EntryFileType = 'file' | 'directory' | 'symlink' | 'special';

/** A file whose header passed; its content is checked next. */
interface Candidate {
  entry: Entry;
  path: string;
  kind: FileKind;
  order: number;
}

/** Collects problems with their entry's position, so the answer lists them in archive order. */
class ProblemList {
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

/**
 * Decides whether a stored ZIP may become a Nano version (SPEC §4.2): a real ZIP within the size and count
 * limits, every entry a safe relative path to a regular, unencrypted file of an allowed type whose content
 * matches its extension. Reads the ZIP through ranged storage reads and streams each entry once, never holding
 * more than a few blocks in memory; entry sizes are counted, not believed, so a lying header cannot make it
 * inflate more than it announced. Collects every problem it can find instead of stopping at the first.
 * Throws only when the store fails ({@link ZipStorageReadError}), never for a bad file.
 */
export async function inspectZip(
  source: ZipSource,
  overrides: Partial<UploadLimits> = {},
): Promise<ZipInspection> {
  const limits: UploadLimits = { ...DEFAULT_UPLOAD_LIMITS, ...overrides };
  if (source.size > limits.zipMaxBytes) {
    return rejectArchive('too_large', { limitBytes: limits.zipMaxBytes, sizeBytes: source.size });
  }
  const signature = await readSignature(source);
  if (signature === END_OF_CENTRAL_DIRECTORY_SIGNATURE) {
    return rejectArchive('empty_archive');
  }
  if (signature !== LOCAL_HEADER_SIGNATURE) {
    return rejectArchive('not_a_zip');
  }
  let zip: ZipFile;
  try {
    zip = await openStoredZip(source);
  } catch (error) {
    return rejectArchive(structureProblem(error));
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      return rejectArchive('too_many_entries', { count: zip.entryCount, limit: limits.maxEntries });
    }
    // Before the first entry is read, the cursor is the central directory's offset (typed `boolean` by mistake).
    const centralDirectoryOffset = zip.readEntryCursor as unknown as number;
    const records: EntryRecord[] = [];
    try {
      for await (const entry of zip.eachEntry()) {
        records.push(recordOf(entry));
      }
    } catch (error) {
      return rejectArchive(structureProblem(error));
    }
    return await inspectEntries(zip, records, centralDirectoryOffset, limits);
  } finally {
    zip.close();
  }
}

function rejectArchive(code: UploadProblemCode, params?: UploadProblem['params']): RejectedZip {
  return { ok: false, problems: [params ? { path: null, code, params } : { path: null, code }] };
}

/** The first four bytes as a little-endian number, or -1 when the object is shorter. */
async function readSignature(source: ZipSource): Promise<number> {
  if (source.size < SIGNATURE_BYTES) {
    return -1;
  }
  try {
    const { body } = await source.storage.get(source.key, { start: 0, end: SIGNATURE_BYTES - 1 });
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Buffer>) {
      chunks.push(chunk);
    }
    const head = Buffer.concat(chunks);
    return head.length >= SIGNATURE_BYTES ? head.readUInt32LE(0) : -1;
  } catch (error) {
    throw new ZipStorageReadError(source.key, { cause: error });
  }
}

/** Maps a yauzl error about the archive's structure to a problem; rethrows store failures. */
function structureProblem(error: unknown): UploadProblemCode {
  if (error instanceof ZipStorageReadError) {
    throw error;
  }
  // yauzl refuses PKWARE strong encryption while reading the central directory, before naming the entry.
  if (error instanceof Error && /encryption/i.test(error.message)) {
    return 'encrypted';
  }
  // The file starts like a ZIP, so whatever yauzl could not parse is a damaged or cut-off archive.
  return 'truncated';
}

/** What inspection keeps of a central-directory record. */
interface EntryRecord {
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
function recordOf(entry: Entry): EntryRecord {
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
function entryFileType(entry: Entry): EntryFileType {
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

/** Checks every header, then the content of each file whose header passed; see {@link inspectZip}. */
async function inspectEntries(
  zip: ZipFile,
  records: readonly EntryRecord[],
  centralDirectoryOffset: number,
  limits: UploadLimits,
): Promise<ZipInspection> {
  const problems = new ProblemList();
  const candidates: Candidate[] = [];
  const files: { path: string; order: number }[] = [];
  const directories: string[] = [];
  const ignoredPaths: string[] = [];
  let declaredTotal = 0;

  records.forEach(({ entry, normalised, shownName }, order) => {
    if (!normalised.ok) {
      problems.add(order, shownName, normalised.code);
      return;
    }
    const { path } = normalised;
    if (isSystemClutter(path)) {
      ignoredPaths.push(path);
      return;
    }
    const fileType = entryFileType(entry);
    if (fileType === 'symlink' || fileType === 'special') {
      problems.add(order, path, fileType === 'symlink' ? 'symlink' : 'special_file');
      return;
    }
    if (normalised.isDirectory || fileType === 'directory') {
      directories.push(path);
      return;
    }
    files.push({ path, order });
    if (entry.isEncrypted()) {
      problems.add(order, path, 'encrypted');
      return;
    }
    // Only stored and deflated data can be decoded; nothing else common tools write is worth supporting.
    if (!entry.canDecodeFileData()) {
      problems.add(order, path, 'unsupported_compression', { method: entry.compressionMethod });
      return;
    }
    declaredTotal += entry.uncompressedSize;
    const sizeProblems = declaredSizeProblems(entry, limits);
    for (const { code, params } of sizeProblems) {
      problems.add(order, path, code, params);
    }
    const kind = kindForPath(path);
    if (!kind) {
      problems.add(order, path, 'type_not_allowed', { extension: extensionOf(path) });
      return;
    }
    if (sizeProblems.length === 0) {
      candidates.push({ entry, path, kind, order });
    }
  });

  const clashing = findClashes(files, directories, problems);
  const packageType = detectPackage(files);
  const accepted = candidates.filter((candidate) => {
    if (clashing.has(candidate.order)) {
      return false;
    }
    if (candidate.kind.packageOnly && packageType === null) {
      problems.add(candidate.order, candidate.path, 'package_only', {
        extension: extensionOf(candidate.path),
      });
      return false;
    }
    return true;
  });
  if (overlaps(records, centralDirectoryOffset)) {
    problems.archive('overlapping_entries');
  }
  if (files.length === 0 && problems.size === 0) {
    problems.archive('empty_archive');
  }
  if (declaredTotal > limits.totalMaxBytes) {
    // Reading on would mean inflating more than we allow, just to list more reasons for a refusal.
    problems.archive('total_too_large', { limitBytes: limits.totalMaxBytes, sizeBytes: declaredTotal });
    return { ok: false, problems: problems.sorted() };
  }

  const inspected: InspectedEntry[] = [];
  let totalUncompressed = 0;
  for (const candidate of accepted) {
    const verdict = await inspectContent(zip, candidate);
    if (!verdict.ok) {
      problems.add(candidate.order, candidate.path, verdict.code, verdict.params);
      continue;
    }
    totalUncompressed += verdict.size;
    inspected.push({
      path: candidate.path,
      size: verdict.size,
      compressedSize: candidate.entry.compressedSize,
      kind: candidate.kind.id,
      mimeType: candidate.kind.mimeType,
      sha256: verdict.sha256,
    });
  }
  if (problems.size > 0) {
    return { ok: false, problems: problems.sorted() };
  }
  return { ok: true, entries: inspected, package: packageType, totalUncompressed, ignoredPaths };
}

/** Header sizes over a limit; the content check later makes sure the header did not understate them. */
function declaredSizeProblems(entry: Entry, limits: UploadLimits): Omit<UploadProblem, 'path'>[] {
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
function findClashes(
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
function detectPackage(files: readonly { path: string }[]): PackageType | null {
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
function overlaps(records: readonly EntryRecord[], centralDirectoryOffset: number): boolean {
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

type ContentVerdict =
  | { ok: true; size: number; sha256: string }
  | { ok: false; code: UploadProblemCode; params?: UploadProblem['params'] };

/**
 * Streams one entry once: counts its real size (stopping the moment it exceeds the header's, so a lying bomb
 * inflates no further), hashes it, checks its CRC, and checks its content against its kind.
 */
async function inspectContent(zip: ZipFile, candidate: Candidate): Promise<ContentVerdict> {
  const { entry, kind } = candidate;
  const declared = entry.uncompressedSize;
  const check = kind.contentCheck;
  const hash = createHash('sha256');
  const head = Buffer.alloc(check.type === 'magic' ? Math.min(MAGIC_SAMPLE_BYTES, declared) : 0);
  const text = check.type === 'text' ? new TextDecoder('utf-8', { fatal: true }) : null;
  let headFilled = 0;
  let magicChecked = check.type !== 'magic';
  let size = 0;
  let crc = 0;
  let content: Readable | undefined;
  try {
    content = await openEntryContent(zip, entry);
    for await (const chunk of content as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > declared) {
        return { ok: false, code: 'size_mismatch' };
      }
      hash.update(chunk);
      crc = crc32(chunk, crc);
      if (text && !isTextChunk(text, chunk)) {
        return { ok: false, code: 'invalid_utf8' };
      }
      if (!magicChecked) {
        headFilled += chunk.copy(head, headFilled);
        if (headFilled === head.length) {
          magicChecked = true;
          const mismatch = await magicMismatch(head, candidate);
          if (mismatch) {
            return mismatch;
          }
        }
      }
    }
  } catch (error) {
    return { ok: false, code: entryReadProblem(error) };
  } finally {
    content?.destroy();
  }
  if (size !== declared) {
    return { ok: false, code: 'size_mismatch' };
  }
  if (crc !== entry.crc32) {
    return { ok: false, code: 'corrupt_entry' };
  }
  if (text && !isTextEnd(text)) {
    return { ok: false, code: 'invalid_utf8' };
  }
  if (!magicChecked) {
    const mismatch = await magicMismatch(head.subarray(0, headFilled), candidate);
    if (mismatch) {
      return mismatch;
    }
  }
  return { ok: true, size, sha256: hash.digest('hex') };
}

/** Whether a chunk continues valid UTF-8 text; NUL never occurs in text and marks a binary file. */
function isTextChunk(decoder: TextDecoder, chunk: Buffer): boolean {
  if (chunk.includes(0)) {
    return false;
  }
  try {
    decoder.decode(chunk, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Whether the text ends cleanly, not inside a multi-byte character. */
function isTextEnd(decoder: TextDecoder): boolean {
  try {
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** A `type_mismatch` verdict unless the first bytes are one of the formats the kind accepts. */
async function magicMismatch(head: Buffer, { kind, path }: Candidate): Promise<ContentVerdict | null> {
  if (kind.contentCheck.type !== 'magic') {
    return null;
  }
  const detected = await fileTypeFromBuffer(head);
  if (detected && kind.contentCheck.detectedAs.includes(detected.ext)) {
    return null;
  }
  // `detected` is for machines and support staff; the message only names the extension.
  const params = { extension: extensionOf(path), detected: detected?.ext ?? 'unknown' };
  return { ok: false, code: 'type_mismatch', params };
}

/** Maps a failure while reading an entry to a problem; rethrows store failures. */
function entryReadProblem(error: unknown): UploadProblemCode {
  if (error instanceof ZipStorageReadError) {
    throw error;
  }
  // yauzl checks the local header against the file size: data past the end means a cut-off archive.
  if (error instanceof Error && /overflows file bounds/.test(error.message)) {
    return 'truncated';
  }
  // Everything else is a bad local header or deflate data zlib cannot decode.
  return 'corrupt_entry';
}
