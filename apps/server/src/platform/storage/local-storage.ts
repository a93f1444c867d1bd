import { randomUUID } from 'node:crypto';
import { createWriteStream, type Stats } from 'node:fs';
import {
  type FileHandle,
  mkdir,
  open,
  readdir,
  readFile,
  rename,
  rm,
  rmdir,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertValidKey,
  assertValidPrefix,
  assertWellFormedRange,
  type ByteRange,
  DEFAULT_CONTENT_TYPE,
  InvalidObjectKeyError,
  type ObjectBody,
  type ObjectInfo,
  ObjectNotFoundError,
  type ObjectStorage,
  type PutOptions,
  RangeNotSatisfiableError,
} from '../storage.ts';

export interface LocalStorageOptions {
  /** Directory that holds everything; created on demand. */
  rootDir: string;
}

/** The sidecar stored beside each object under `meta/`. */
interface ObjectMeta {
  contentType: string;
}

// A temp file this old belongs to a crashed process, not to an upload still running.
const STALE_TEMP_MS = 24 * 60 * 60 * 1000;
// A concurrent delete may remove an emptied parent directory between our mkdir and rename.
const MOVE_ATTEMPTS = 3;

/** The `code` of a Node.js system error, if `error` is one. */
function errorCode(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/** Whether `error` means "nothing at this path" (including a path through a file, or a directory). */
function isMissing(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/** Orders names as S3 orders keys: by UTF-8 bytes, not by UTF-16 code units. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * Object storage in the local file system (embedded mode). Layout under `rootDir`:
 * `files/<key>` holds the bytes as is (so an operator can read or back them up with any tool),
 * `meta/<key>` the JSON sidecar with the content type, `.tmp/` the uploads in progress. Keeping
 * sidecars in their own tree means no key, whatever its name, can collide with another key's sidecar.
 * A put writes to `.tmp/` and renames into place, so a reader sees the old or the new object, never a part.
 */
export function createLocalStorage({ rootDir }: LocalStorageOptions): ObjectStorage {
  const root = path.resolve(rootDir);
  const filesDir = path.join(root, 'files');
  const metaDir = path.join(root, 'meta');
  const tmpDir = path.join(root, '.tmp');
  let ready: Promise<void> | undefined;

  const filePath = (key: string): string => path.join(filesDir, ...key.split('/'));
  const metaPath = (key: string): string => path.join(metaDir, ...key.split('/'));

  /** Creates the directories once, and removes temp files a crashed process left behind. */
  function ensureReady(): Promise<void> {
    ready ??= (async () => {
      await Promise.all([filesDir, metaDir, tmpDir].map((dir) => mkdir(dir, { recursive: true })));
      await removeStaleTemps();
    })().catch((error: unknown) => {
      // Retry on the next call: the cause (a full disk, a missing mount) may be fixed by then.
      ready = undefined;
      throw error;
    });
    return ready;
  }

  async function removeStaleTemps(): Promise<void> {
    const cutoff = Date.now() - STALE_TEMP_MS;
    for (const name of await readdir(tmpDir)) {
      const temp = path.join(tmpDir, name);
      const stats = await stat(temp).catch(() => null);
      if (stats && stats.mtimeMs < cutoff) {
        await rm(temp, { force: true, recursive: true });
      }
    }
  }

  /** Writes `body` to the new file `temp`, returning the number of bytes written. */
  async function writeTemp(temp: string, body: Readable | Buffer): Promise<number> {
    if (Buffer.isBuffer(body)) {
      await writeFile(temp, body, { flag: 'wx' });
      return body.length;
    }
    const out = createWriteStream(temp, { flags: 'wx' });
    // pipeline destroys both streams on failure, so a broken body never leaves an open file behind.
    await pipeline(body, out);
    return out.bytesWritten;
  }

  /** Renames `temp` to `dest`, creating parent directories; maps a file/folder clash to a key error. */
  async function moveIntoPlace(key: string, temp: string, dest: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await mkdir(path.dirname(dest), { recursive: true });
        await rename(temp, dest);
        return;
      } catch (error) {
        const code = errorCode(error);
        if (code === 'ENOENT' && attempt < MOVE_ATTEMPTS) {
          continue;
        }
        if (code === 'ENOTDIR' || code === 'EEXIST' || code === 'EISDIR' || code === 'ENOTEMPTY') {
          throw new InvalidObjectKeyError(
            key,
            'clashes with an existing key that is a "folder" of it, or inside it',
          );
        }
        throw error;
      }
    }
  }

  /** Removes now-empty directories from `dir` up to (not including) `stopAt`, so deleted prefixes vanish. */
  async function removeEmptyParents(dir: string, stopAt: string): Promise<void> {
    let current = dir;
    while (current !== stopAt && current.startsWith(stopAt)) {
      try {
        await rmdir(current);
      } catch {
        // Not empty (or already gone): everything above it is not empty either.
        return;
      }
      current = path.dirname(current);
    }
  }

  async function readContentType(key: string): Promise<string> {
    try {
      const meta = JSON.parse(await readFile(metaPath(key), 'utf8')) as Partial<ObjectMeta>;
      return typeof meta.contentType === 'string' ? meta.contentType : DEFAULT_CONTENT_TYPE;
    } catch (error) {
      if (isMissing(error)) {
        return DEFAULT_CONTENT_TYPE;
      }
      throw error;
    }
  }

  /** The stats of the object file, or null when there is no object under `key`. */
  async function statObject(key: string): Promise<Stats | null> {
    try {
      const stats = await stat(filePath(key));
      return stats.isFile() ? stats : null;
    } catch (error) {
      if (isMissing(error)) {
        return null;
      }
      throw error;
    }
  }

  /**
   * Yields the objects under `dir` (whose keys start with `keyPrefix`) that match `prefix`, in key order.
   * Directories sort as `name/`, which makes a depth-first walk produce exactly the global byte order.
   */
  async function* walk(dir: string, keyPrefix: string, prefix: string): AsyncGenerator<ObjectInfo> {
    let entries: { name: string; isDirectory: boolean; isFile: boolean }[];
    try {
      entries = (await readdir(dir, { withFileTypes: true })).map((entry) => ({
        name: entry.name,
        isDirectory: entry.isDirectory(),
        isFile: entry.isFile(),
      }));
    } catch (error) {
      if (isMissing(error)) {
        return;
      }
      throw error;
    }
    const sortName = (entry: { name: string; isDirectory: boolean }): string =>
      entry.isDirectory ? `${entry.name}/` : entry.name;
    entries.sort((a, b) => compareUtf8(sortName(a), sortName(b)));
    for (const entry of entries) {
      const candidate = keyPrefix + sortName(entry);
      if (!candidate.startsWith(prefix) && !prefix.startsWith(candidate)) {
        continue;
      }
      if (entry.isDirectory) {
        yield* walk(path.join(dir, entry.name), candidate, prefix);
      } else if (entry.isFile && candidate.startsWith(prefix)) {
        const stats = await statObject(candidate);
        // A concurrent delete may have removed it since readdir.
        if (stats) {
          yield { key: candidate, size: stats.size, lastModified: stats.mtime };
        }
      }
    }
  }

  return {
    async put(key: string, body: Readable | Buffer, options?: PutOptions): Promise<{ size: number }> {
      try {
        assertValidKey(key);
        await ensureReady();
      } catch (error) {
        if (!Buffer.isBuffer(body)) {
          body.destroy();
        }
        throw error;
      }
      const tempData = path.join(tmpDir, randomUUID());
      const tempMeta = `${tempData}.meta`;
      const meta: ObjectMeta = { contentType: options?.contentType ?? DEFAULT_CONTENT_TYPE };
      try {
        const size = await writeTemp(tempData, body);
        await writeFile(tempMeta, JSON.stringify(meta), { flag: 'wx' });
        // Bytes first: between the two renames a reader may see the new bytes with the old content type,
        // which is harmless, whereas the other order could pair the old bytes with a sidecar that outlives them.
        await moveIntoPlace(key, tempData, filePath(key));
        await moveIntoPlace(key, tempMeta, metaPath(key));
        return { size };
      } catch (error) {
        if (!Buffer.isBuffer(body)) {
          body.destroy();
        }
        await Promise.all([rm(tempData, { force: true }), rm(tempMeta, { force: true })]);
        throw error;
      }
    },

    async get(key: string, range?: ByteRange): Promise<ObjectBody> {
      assertValidKey(key);
      if (range) {
        assertWellFormedRange(key, range);
      }
      let handle: FileHandle;
      try {
        // One open handle for size and bytes: a concurrent overwrite renames a new file in, ours stays intact.
        handle = await open(filePath(key), 'r');
      } catch (error) {
        if (isMissing(error)) {
          throw new ObjectNotFoundError(key);
        }
        throw error;
      }
      try {
        const stats = await handle.stat();
        if (!stats.isFile()) {
          throw new ObjectNotFoundError(key);
        }
        const totalSize = stats.size;
        if (range && range.start >= totalSize) {
          throw new RangeNotSatisfiableError(key, range, totalSize);
        }
        const start = range?.start ?? 0;
        const end = Math.min(range?.end ?? totalSize - 1, totalSize - 1);
        const contentType = await readContentType(key);
        // No range means the whole file; an explicit `end` of -1 (empty file) would be rejected by Node.
        const body = handle.createReadStream(range ? { start, end } : {});
        return { body, totalSize, range: { start, end }, contentType };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },

    async head(key: string): Promise<ObjectInfo | null> {
      assertValidKey(key);
      const stats = await statObject(key);
      if (!stats) {
        return null;
      }
      return { key, size: stats.size, contentType: await readContentType(key), lastModified: stats.mtime };
    },

    async delete(key: string): Promise<void> {
      assertValidKey(key);
      if (!(await statObject(key))) {
        return;
      }
      for (const file of [filePath(key), metaPath(key)]) {
        await unlink(file).catch((error: unknown) => {
          // A concurrent delete got there first, or the object had no sidecar.
          if (!isMissing(error)) {
            throw error;
          }
        });
      }
      await removeEmptyParents(path.dirname(filePath(key)), filesDir);
      await removeEmptyParents(path.dirname(metaPath(key)), metaDir);
    },

    async *list(prefix: string): AsyncIterable<ObjectInfo> {
      assertValidPrefix(prefix);
      // Start at the deepest folder the prefix names in full instead of walking the whole tree.
      const folderKey = prefix.slice(0, prefix.lastIndexOf('/') + 1);
      const folder = path.join(filesDir, ...folderKey.split('/').filter((segment) => segment !== ''));
      yield* walk(folder, folderKey, prefix);
    },

    async check(): Promise<void> {
      await ensureReady();
      // Writing is what uploads need; a read-only mount or a full disk fails here.
      const probe = path.join(tmpDir, `check-${randomUUID()}`);
      await writeFile(probe, '');
      await unlink(probe);
    },

    async close(): Promise<void> {
      // Nothing to release: every operation opens and closes its own file handles.
    },
  };
}
