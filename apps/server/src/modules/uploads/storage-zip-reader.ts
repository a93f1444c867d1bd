import { PassThrough, pipeline, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { type Entry, fromRandomAccessReaderPromise, RandomAccessReader, type ZipFile } from 'yauzl';
import type { ObjectStorage } from '../../platform/storage.ts';

/** A ZIP stored as one object; `size` is the object's size (as `put` returned it). */
export interface ZipSource {
  storage: ObjectStorage;
  key: string;
  size: number;
}

/**
 * The store failed while a ZIP was being read. Kept apart from the format errors yauzl and zlib raise, because
 * those are the uploader's fault (a 422) while this one is ours (a 5xx) and must not be reported as a bad file.
 */
export class ZipStorageReadError extends Error {
  constructor(
    readonly key: string,
    options: { cause: unknown },
  ) {
    super(`Reading the ZIP object "${key}" from storage failed`, options);
    this.name = 'ZipStorageReadError';
  }
}

// yauzl reads the archive's metadata in many tiny reads (46 bytes per central-directory record, 30 per local
// header). Serving them from 64 KiB blocks turns thousands of store requests into a few, and eight cached
// blocks (512 KiB) hold a whole 2,000-entry central directory as it is walked.
const BLOCK_BYTES = 64 * 1024;
const MAX_CACHED_BLOCKS = 8;
const METHOD_STORED = 0;

/** Callback of `RandomAccessReader.read`; yauzl passes and checks `bytesRead` although its typings omit it. */
type ReadCallback = (error: Error | null, bytesRead?: number) => void;

/**
 * Random access to a stored ZIP through ranged `get`s, so yauzl never needs the whole file on disk or in memory.
 * Metadata and small entries are read through a small block cache; larger entries stream straight from the store.
 */
class StorageRandomAccessReader extends RandomAccessReader {
  private readonly blocks = new Map<number, Promise<Buffer>>();

  constructor(private readonly source: ZipSource) {
    super();
  }

  /**
   * Streams bytes `start` (inclusive) to `end` (exclusive), as yauzl asks for entry data. Small ranges come from
   * the block cache: a package of 2,000 small files then costs a few dozen store requests, not 2,000.
   */
  override _readStreamForRange(start: number, end: number): Readable {
    const out = new PassThrough();
    if (end - start <= BLOCK_BYTES) {
      const buffer = Buffer.allocUnsafe(end - start);
      this.readBlocks(buffer, 0, buffer.length, start).then(
        // A short read (the object shrank) ends early; yauzl's byte count then reports it.
        (bytesRead) => out.end(buffer.subarray(0, bytesRead)),
        (error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))),
      );
      return out;
    }
    this.source.storage.get(this.source.key, { start, end: end - 1 }).then(
      ({ body }) => {
        // Our consumer may have given up (an entry over a limit) before the store answered.
        if (out.destroyed) {
          body.destroy();
          return;
        }
        out.once('close', () => body.destroy());
        body.once('error', (error) =>
          out.destroy(new ZipStorageReadError(this.source.key, { cause: error })),
        );
        body.pipe(out);
      },
      (error: unknown) => out.destroy(new ZipStorageReadError(this.source.key, { cause: error })),
    );
    return out;
  }

  /** Fills `buffer` from the block cache; reports fewer bytes than asked past the end, which yauzl calls EOF. */
  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: ReadCallback,
  ): void {
    this.readBlocks(buffer, offset, length, position).then(
      (bytesRead) => callback(null, bytesRead),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }

  override close(callback: (error: Error | null) => void): void {
    this.blocks.clear();
    setImmediate(callback, null);
  }

  private async readBlocks(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
  ): Promise<number> {
    const end = Math.min(position + length, this.source.size);
    let copied = 0;
    for (let at = position; at < end; ) {
      const index = Math.floor(at / BLOCK_BYTES);
      const block = await this.block(index);
      const from = at - index * BLOCK_BYTES;
      const count = Math.min(block.length - from, end - at);
      // The object shrank below the size we were given: report a short read instead of looping.
      if (count <= 0) {
        break;
      }
      block.copy(buffer, offset + copied, from, from + count);
      copied += count;
      at += count;
    }
    return copied;
  }

  /** One block, fetched once and kept among the most recently used. */
  private block(index: number): Promise<Buffer> {
    const cached = this.blocks.get(index);
    if (cached) {
      // Re-inserting moves it to the back of the Map's order, which is our least-recently-used queue.
      this.blocks.delete(index);
      this.blocks.set(index, cached);
      return cached;
    }
    const start = index * BLOCK_BYTES;
    const end = Math.min(start + BLOCK_BYTES, this.source.size) - 1;
    const fetched = this.fetch(start, end);
    fetched.catch(() => this.blocks.delete(index));
    this.blocks.set(index, fetched);
    for (const oldest of this.blocks.keys()) {
      if (this.blocks.size <= MAX_CACHED_BLOCKS) {
        break;
      }
      this.blocks.delete(oldest);
    }
    return fetched;
  }

  /** Bytes `start` to `end` inclusive, into one buffer of exactly that size. */
  private async fetch(start: number, end: number): Promise<Buffer> {
    const target = Buffer.alloc(end - start + 1);
    let filled = 0;
    try {
      const { body } = await this.source.storage.get(this.source.key, { start, end });
      for await (const chunk of body as AsyncIterable<Buffer>) {
        // A store that sends more than asked must not write past our block.
        filled += chunk.copy(target, filled);
      }
    } catch (error) {
      throw new ZipStorageReadError(this.source.key, { cause: error });
    }
    return filled === target.length ? target : target.subarray(0, filled);
  }
}

/**
 * Opens a stored ZIP for lazy entry reading. Entry names stay raw (see `decodeEntryName`) and sizes unchecked,
 * because we check both ourselves and want every problem reported, not yauzl's first exception.
 * The caller must `close()` the result.
 */
export function openStoredZip(source: ZipSource): Promise<ZipFile> {
  return fromRandomAccessReaderPromise(new StorageRandomAccessReader(source), source.size, {
    autoClose: false,
    decodeStrings: false,
    validateEntrySizes: false,
    strictFileNames: true,
  });
}

/**
 * Opens the uncompressed content of a stored or deflated entry (`entry.canDecodeFileData()`). Inflates with
 * our own zlib stream rather than yauzl's, whose destroy skips closing zlib, so aborting an entry frees its memory.
 */
export async function openEntryContent(zip: ZipFile, entry: Entry): Promise<Readable> {
  const raw = await zip.openReadStreamPromise(entry, { decodeFileData: false });
  if (entry.compressionMethod === METHOD_STORED) {
    return raw;
  }
  // Errors reach the consumer through the inflater, which pipeline destroys with them.
  return pipeline(raw, createInflateRaw(), () => {
    // Nothing to do: the error, if any, is already on the returned stream.
  });
}
