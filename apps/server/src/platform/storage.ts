import type { Readable } from 'node:stream';

/** Metadata of one stored object. */
export interface ObjectInfo {
  key: string;
  size: number;
  contentType?: string | undefined;
  lastModified: Date;
}

/** An inclusive byte range, as in HTTP `Range: bytes=start-end`; `end` defaults to the last byte. */
export interface ByteRange {
  start: number;
  end?: number | undefined;
}

export interface PutOptions {
  /** Stored with the object and returned by `get` and `head`; defaults to {@link DEFAULT_CONTENT_TYPE}. */
  contentType?: string | undefined;
}

/** The content type of an object stored without one, the same in both modes. */
export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** A readable object body with what the HTTP layer needs to answer a (range) request. */
export interface ObjectBody {
  body: Readable;
  /** Size of the whole object. */
  totalSize: number;
  /** The inclusive range actually returned (the whole object when no range was asked). */
  range: { start: number; end: number };
  contentType?: string | undefined;
}

/**
 * Object storage for uploaded files (ZIPs, thumbnails, avatars, exports).
 * Keys are `/`-separated relative paths such as `nanos/<id>/<version>.zip` (rules: {@link assertValidKey}).
 * Embedded mode keeps keys as file paths, so no key may also be a "folder" of another (`a` beside `a/b`).
 * Embedded: files under `DATA_DIR/objects`. Production: an S3 bucket (MinIO in our stack).
 */
export interface ObjectStorage {
  /**
   * Streams `body` to `key`, replacing any object there; the object appears only when complete. When `body`
   * errors or the write fails, nothing is stored and `body` is destroyed.
   */
  put(key: string, body: Readable | Buffer, options?: PutOptions): Promise<{ size: number }>;
  /**
   * Opens an object, or a byte range of it; an `end` past the last byte is clamped to it. Throws
   * `ObjectNotFoundError`, or `RangeNotSatisfiableError` when `start` lies past the end (or the range is malformed).
   * The caller must consume or destroy `body`, which holds a file handle or connection until then.
   */
  get(key: string, range?: ByteRange): Promise<ObjectBody>;
  /** Metadata, or null when there is no such object. */
  head(key: string): Promise<ObjectInfo | null>;
  /** Removes an object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** Every object whose key starts with `prefix`, in key order (UTF-8 byte order, as S3); without `contentType`. */
  list(prefix: string): AsyncIterable<ObjectInfo>;
  /** Throws when the store is unreachable (readiness check). */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** No object is stored under the key (the HTTP layer answers 404). */
export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No object is stored under key "${key}"`);
    this.name = 'ObjectNotFoundError';
  }
}

/** The asked byte range lies outside the object (the HTTP layer answers 416). */
export class RangeNotSatisfiableError extends Error {
  constructor(
    readonly key: string,
    readonly range: ByteRange,
    /** Size of the whole object when known, for the `Content-Range: bytes *` header of a 416 answer. */
    readonly totalSize?: number | undefined,
  ) {
    super(
      `Byte range ${range.start}-${range.end ?? ''} of object "${key}" is not satisfiable` +
        (totalSize === undefined ? '' : ` (object size ${totalSize})`),
    );
    this.name = 'RangeNotSatisfiableError';
  }
}

/** A key or prefix breaks the rules of {@link assertValidKey}, or cannot be stored beside an existing key. */
export class InvalidObjectKeyError extends Error {
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`Invalid object key ${JSON.stringify(key)}: ${reason}`);
    this.name = 'InvalidObjectKeyError';
  }
}

// S3 caps keys at 1024 bytes of UTF-8; MinIO and local file systems cap each path segment at 255 bytes.
const MAX_KEY_BYTES = 1024;
const MAX_SEGMENT_BYTES = 255;

/** Why `segment` cannot be a full path segment of a key, or null when it can. */
function segmentProblem(segment: string): string | null {
  if (segment === '') {
    return 'empty path segment (leading, trailing or double "/")';
  }
  // `.` and `..` would be resolved away by file systems and HTTP path normalisation, aliasing or escaping keys.
  if (segment === '.' || segment === '..') {
    return `"${segment}" path segment`;
  }
  if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) {
    return `path segment longer than ${MAX_SEGMENT_BYTES} bytes`;
  }
  return null;
}

/** Why `text` cannot appear in a key at all, or null when it can. */
function characterProblem(text: string): string | null {
  if (text.includes('\0')) {
    return 'contains NUL';
  }
  // A backslash is a path separator on Windows, so it could escape the storage root there.
  if (text.includes('\\')) {
    return 'contains a backslash';
  }
  if (Buffer.byteLength(text) > MAX_KEY_BYTES) {
    return `longer than ${MAX_KEY_BYTES} bytes`;
  }
  return null;
}

/**
 * Throws {@link InvalidObjectKeyError} unless `key` is a non-empty relative `/`-separated path of at most
 * 1024 bytes, without `.`/`..`/empty segments, backslashes or NUL. Both storage modes accept exactly these
 * keys, so code tested against one mode behaves the same in the other.
 */
export function assertValidKey(key: string): void {
  if (key === '') {
    throw new InvalidObjectKeyError(key, 'empty');
  }
  const problem =
    characterProblem(key) ??
    key
      .split('/')
      .map(segmentProblem)
      .find((p) => p !== null);
  if (problem) {
    throw new InvalidObjectKeyError(key, problem);
  }
}

/**
 * Throws {@link InvalidObjectKeyError} unless `prefix` is empty or a valid key prefix: the text after the last
 * `/` is matched as a plain string prefix, every segment before it must be valid as in {@link assertValidKey}.
 */
export function assertValidPrefix(prefix: string): void {
  if (prefix === '') {
    return;
  }
  const segments = prefix.split('/');
  segments.pop();
  const problem = characterProblem(prefix) ?? segments.map(segmentProblem).find((p) => p !== null);
  if (problem) {
    throw new InvalidObjectKeyError(prefix, problem);
  }
}

/** Throws {@link RangeNotSatisfiableError} when a range is malformed whatever the object size. */
export function assertWellFormedRange(key: string, range: ByteRange): void {
  const { start, end } = range;
  const startOk = Number.isSafeInteger(start) && start >= 0;
  const endOk = end === undefined || (Number.isSafeInteger(end) && end >= start);
  if (!startOk || !endOk) {
    throw new RangeNotSatisfiableError(key, range);
  }
}
