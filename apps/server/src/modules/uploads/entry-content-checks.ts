import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { crc32 } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import type { Entry, ZipFile } from 'yauzl';
import { openEntryContent, ZipStorageReadError } from './storage-zip-reader.ts';
import { extensionOf, type FileKind } from './upload.constants.ts';
import type { UploadProblem, UploadProblemCode } from './upload-problems.ts';

// file-type's own "reasonable detection size": every format on our allow-list is recognised within it.
const MAGIC_SAMPLE_BYTES = 4100;

/** A file whose header passed; its content is checked next. */
export interface Candidate {
  entry: Entry;
  path: string;
  kind: FileKind;
  order: number;
}

export type ContentVerdict =
  | { ok: true; size: number; sha256: string }
  | { ok: false; code: UploadProblemCode; params?: UploadProblem['params'] };

/**
 * Streams one entry once: counts its real size (stopping the moment it exceeds the header's, so a lying bomb
 * inflates no further), hashes it, checks its CRC, and checks its content against its kind.
 */
export async function inspectContent(zip: ZipFile, candidate: Candidate): Promise<ContentVerdict> {
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
