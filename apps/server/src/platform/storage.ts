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
  contentType?: string | undefined;
}

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
 * Keys are `/`-separated relative paths such as `nanos/<id>/<version>.zip`; no `..`, no leading `/`.
 * Embedded: files under `DATA_DIR/objects`. Production: an S3 bucket (MinIO in our stack).
 */
export interface ObjectStorage {
  /** Streams `body` to `key`, replacing any object there; the object appears only when complete. */
  put(key: string, body: Readable | Buffer, options?: PutOptions): Promise<{ size: number }>;
  /** Opens an object, or a byte range of it; throws `ObjectNotFoundError` or `RangeNotSatisfiableError`. */
  get(key: string, range?: ByteRange): Promise<ObjectBody>;
  /** Metadata, or null when there is no such object. */
  head(key: string): Promise<ObjectInfo | null>;
  /** Removes an object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** Every object whose key starts with `prefix`, in key order. */
  list(prefix: string): AsyncIterable<ObjectInfo>;
  /** Throws when the store is unreachable (readiness check). */
  check(): Promise<void>;
  close(): Promise<void>;
}
