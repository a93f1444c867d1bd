import type { ZipFile } from 'yauzl';
import { type Candidate, inspectContent } from './entry-content-checks.ts';
import {
  declaredSizeProblems,
  detectPackage,
  type EntryRecord,
  entryFileType,
  findClashes,
  overlaps,
  ProblemList,
  recordOf,
} from './entry-header-checks.ts';
import { openStoredZip, type ZipSource, ZipStorageReadError } from './storage-zip-reader.ts';
import {
  DEFAULT_UPLOAD_LIMITS,
  extensionOf,
  type FileKindId,
  isSystemClutter,
  kindForPath,
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

const SIGNATURE_BYTES = 4;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;

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
