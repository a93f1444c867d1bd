import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import {
  assertValidKey,
  assertValidPrefix,
  assertWellFormedRange,
  type ByteRange,
  DEFAULT_CONTENT_TYPE,
  type ObjectBody,
  type ObjectInfo,
  ObjectNotFoundError,
  type ObjectStorage,
  type PutOptions,
  RangeNotSatisfiableError,
} from '../storage.ts';

export interface S3StorageOptions {
  /** Endpoint URL of an S3-compatible server such as MinIO; omit for AWS itself. */
  endpoint?: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `http://host/bucket/key` instead of `http://bucket.host/key`; MinIO needs true. */
  forcePathStyle: boolean;
}

// Upload buffers at most partSize × queueSize in memory per put, so a large ZIP costs 16 MB, not its size.
const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 2;

/** Whether `error` is an S3 answer with this error code or HTTP status. */
function isS3Error(error: unknown, code: string, status: number): boolean {
  if (!(error instanceof S3ServiceException)) {
    return false;
  }
  return error.name === code || error.$metadata.httpStatusCode === status;
}

/** A missing object; a missing bucket is a configuration fault and must not read as "no such object". */
function isNoSuchObject(error: unknown): boolean {
  if (error instanceof S3ServiceException && error.name === 'NoSuchBucket') {
    return false;
  }
  return isS3Error(error, 'NoSuchKey', 404) || isS3Error(error, 'NotFound', 404);
}

/** Parses `Content-Range: bytes start-end/total`. */
function parseContentRange(header: string | undefined): { start: number; end: number; total: number } | null {
  const match = header ? /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header) : null;
  if (!match) {
    return null;
  }
  return { start: Number(match[1]), end: Number(match[2]), total: Number(match[3]) };
}

/** What {@link countBytes} saw of the caller's stream. */
interface StreamTally {
  bytes: number;
  /** The stream's own error, kept because Upload may report a later one (a failed abort) instead. */
  sourceError?: unknown;
}

/** Passes `source` through while counting bytes, because S3 does not tell the size of a streamed upload. */
async function* countBytes(source: Readable, tally: StreamTally): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of source as AsyncIterable<Buffer | string>) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      tally.bytes += buffer.length;
      yield buffer;
    }
  } catch (error) {
    tally.sourceError = error;
    throw error;
  }
}

/**
 * Object storage in an S3 bucket (production mode; MinIO in our stack). Puts stream as multipart
 * uploads, which S3 publishes only on completion and aborts on failure, so no partial object is seen.
 */
export function createS3Storage(options: S3StorageOptions): ObjectStorage {
  const { bucket } = options;
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // The SDK's default since 2025 sends streamed bodies aws-chunked with a trailing CRC, which
    // S3-compatible servers (older MinIO, s3rver) store verbatim or reject; plain bodies work everywhere.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

  async function head(key: string): Promise<ObjectInfo | null> {
    assertValidKey(key);
    try {
      const output = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return {
        key,
        size: output.ContentLength ?? 0,
        contentType: output.ContentType,
        lastModified: output.LastModified ?? new Date(0),
      };
    } catch (error) {
      if (isNoSuchObject(error)) {
        return null;
      }
      throw error;
    }
  }

  return {
    async put(key: string, body: Readable | Buffer, putOptions?: PutOptions): Promise<{ size: number }> {
      const stream = Buffer.isBuffer(body) ? null : body;
      const tally: StreamTally = { bytes: 0 };
      const counted = stream ? Readable.from(countBytes(stream, tally), { objectMode: false }) : null;
      try {
        assertValidKey(key);
        const upload = new Upload({
          client,
          params: {
            Bucket: bucket,
            Key: key,
            Body: counted ?? body,
            ContentType: putOptions?.contentType ?? DEFAULT_CONTENT_TYPE,
          },
          partSize: PART_SIZE,
          queueSize: QUEUE_SIZE,
        });
        await upload.done();
        return { size: Buffer.isBuffer(body) ? body.length : tally.bytes };
      } catch (error) {
        // Upload stops reading on failure; destroying releases the caller's stream (e.g. a request body).
        counted?.destroy();
        stream?.destroy();
        // A failed body is the cause worth reporting. Upload throws the abort's error instead when aborting the
        // multipart upload fails too; its invisible parts then stay until a bucket lifecycle rule removes them.
        throw tally.sourceError ?? error;
      }
    },

    async get(key: string, range?: ByteRange): Promise<ObjectBody> {
      assertValidKey(key);
      if (range) {
        assertWellFormedRange(key, range);
      }
      let output: GetObjectCommandOutput;
      try {
        output = await client.send(
          new GetObjectCommand({
            Bucket: bucket,
            Key: key,
            Range: range ? `bytes=${range.start}-${range.end ?? ''}` : undefined,
          }),
        );
      } catch (error) {
        if (isNoSuchObject(error)) {
          throw new ObjectNotFoundError(key);
        }
        if (range && isS3Error(error, 'InvalidRange', 416)) {
          // The 416 answer carries no usable size; the HTTP layer needs it for `Content-Range: bytes */size`.
          const info = await head(key);
          throw new RangeNotSatisfiableError(key, range, info?.size);
        }
        throw error;
      }
      const body = output.Body;
      if (!(body instanceof Readable)) {
        throw new Error(`S3 returned no readable body for object "${key}"`);
      }
      const contentRange = parseContentRange(output.ContentRange);
      // Without Content-Range the server sent the whole object (no range asked, or one it chose to ignore).
      const totalSize = contentRange?.total ?? output.ContentLength ?? 0;
      // S3 answers 416 for any range of an empty object, but some compatible servers send a bogus 206 or 200.
      if (range && range.start >= totalSize) {
        body.destroy();
        throw new RangeNotSatisfiableError(key, range, totalSize);
      }
      return {
        body,
        totalSize,
        range: contentRange
          ? { start: contentRange.start, end: contentRange.end }
          : { start: 0, end: totalSize - 1 },
        contentType: output.ContentType,
      };
    },

    head,

    async delete(key: string): Promise<void> {
      assertValidKey(key);
      // S3 answers 204 for a missing key too, which makes delete idempotent as the contract asks.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },

    async *list(prefix: string): AsyncIterable<ObjectInfo> {
      assertValidPrefix(prefix);
      let continuationToken: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: prefix === '' ? undefined : prefix,
            ContinuationToken: continuationToken,
          }),
        );
        for (const item of page.Contents ?? []) {
          if (item.Key !== undefined) {
            yield { key: item.Key, size: item.Size ?? 0, lastModified: item.LastModified ?? new Date(0) };
          }
        }
        continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (continuationToken);
    },

    async check(): Promise<void> {
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    },

    async close(): Promise<void> {
      client.destroy();
    },
  };
}
