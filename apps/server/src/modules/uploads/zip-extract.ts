import { createHash } from 'node:crypto';
import { pipeline, Transform, type TransformCallback } from 'node:stream';
import type { Entry } from 'yauzl';
import { assertValidKey, type ObjectStorage } from '../../platform/storage.ts';
import { decodeEntryName, normaliseEntryPath } from './entry-path.ts';
import { openEntryContent, openStoredZip, type ZipSource } from './storage-zip-reader.ts';
import type { InspectedEntry } from './zip-inspector.ts';

/** The ZIP no longer matches its inspection (it was replaced, or the inspection came from another file). */
export class ZipChangedError extends Error {
  constructor(readonly path: string) {
    super(`Entry "${path}" of the ZIP differs from what was inspected`);
    this.name = 'ZipChangedError';
  }
}

// Deletes run a few at a time: one by one is slow against S3, all at once floods it.
const DELETE_CONCURRENCY = 8;

/**
 * Passes an entry's bytes through unchanged while checking them against the inspection; fails the stream (and
 * so the `put`, which then stores nothing) on the first byte too many or a different hash at the end.
 */
function verifying(expected: InspectedEntry): Transform {
  const hash = createHash('sha256');
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
      size += chunk.length;
      if (size > expected.size) {
        callback(new ZipChangedError(expected.path));
        return;
      }
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback: TransformCallback): void {
      const matches = size === expected.size && hash.digest('hex') === expected.sha256;
      callback(matches ? null : new ZipChangedError(expected.path));
    },
  });
}

/**
 * Unpacks the accepted entries of a stored ZIP to `<prefix>/<path>`, each with its MIME type, so the viewer can
 * serve single files (with ranges) without touching the ZIP again. Streams one entry at a time and verifies each
 * against its inspection (size and SHA-256) before the object appears. Entries not in `entries` (folders, clutter)
 * are not written. On any failure it deletes every object it wrote, then rethrows; objects already under the
 * prefix before the call are left alone.
 */
export async function extractToStorage(
  source: ZipSource,
  entries: readonly InspectedEntry[],
  target: ObjectStorage,
  prefix: string,
): Promise<void> {
  assertValidKey(prefix);
  const pending = new Map(entries.map((entry) => [entry.path, entry]));
  const written: string[] = [];
  const zip = await openStoredZip(source);
  try {
    for await (const zipEntry of zip.eachEntry()) {
      const inspected = pending.get(inspectedPathOf(zipEntry) ?? '');
      if (!inspected) {
        continue;
      }
      pending.delete(inspected.path);
      const key = `${prefix}/${inspected.path}`;
      const content = await openEntryContent(zip, zipEntry);
      const body = pipeline(content, verifying(inspected), () => {
        // Nothing to do: a failure destroys `body`, which fails the put.
      });
      await target.put(key, body, { contentType: inspected.mimeType });
      written.push(key);
    }
    const [missing] = pending.keys();
    if (missing !== undefined) {
      throw new ZipChangedError(missing);
    }
  } catch (error) {
    try {
      await deleteKeys(target, written);
    } catch (cleanupError) {
      throw new AggregateError([error, cleanupError], 'Extracting failed, and removing its files failed too');
    }
    throw error;
  } finally {
    zip.close();
  }
}

/** The path an entry was inspected under, or null for a name inspection would have refused. */
function inspectedPathOf(entry: Entry): string | null {
  const name = decodeEntryName(entry);
  const normalised = name === null ? null : normaliseEntryPath(name);
  return normalised?.ok ? normalised.path : null;
}

/** Removes every object under `<prefix>/` (not `<prefix>-other/…`), e.g. a version's unpacked files. */
export async function deletePrefix(storage: ObjectStorage, prefix: string): Promise<void> {
  assertValidKey(prefix);
  const keys: string[] = [];
  // Listed in full first: deleting while a listing pages on could make it skip objects.
  for await (const object of storage.list(`${prefix}/`)) {
    keys.push(object.key);
  }
  await deleteKeys(storage, keys);
}

/** Deletes `keys` a few at a time; tries every key, then throws the first failure. */
async function deleteKeys(storage: ObjectStorage, keys: readonly string[]): Promise<void> {
  const failures: unknown[] = [];
  for (let start = 0; start < keys.length; start += DELETE_CONCURRENCY) {
    const batch = keys.slice(start, start + DELETE_CONCURRENCY);
    const results = await Promise.allSettled(batch.map((key) => storage.delete(key)));
    for (const result of results) {
      if (result.status === 'rejected') {
        failures.push(result.reason);
      }
    }
  }
  if (failures.length > 0) {
    throw failures[0];
  }
}
