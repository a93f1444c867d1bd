import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { CustomContext, Measurement } from '../lib/scenario.ts';
import { createNano, csrfHeaders, loginCookie } from './api-session.ts';

/** Answer time limit of one upload (validation and extraction of a large ZIP included). */
const UPLOAD_TIMEOUT_MS = 10 * 60_000;

/** One entry of a generated ZIP: its name and a stream of its bytes. */
export interface ZipEntry {
  name: string;
  /** Stream entries are stored uncompressed; buffers are deflated. */
  data: Readable | Buffer;
}

/**
 * Writes a ZIP of `entries` to a new temporary file and hands its path to `use`; the file and its
 * directory are removed afterwards, also on failure.
 */
export async function withTempZip<T>(
  entries: Iterable<ZipEntry>,
  signal: AbortSignal,
  use: (file: string, bytes: number) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nano-bench-zip-'));
  try {
    const file = path.join(dir, 'bench.zip');
    const zip = new yazl.ZipFile();
    const written = pipeline(zip.outputStream, createWriteStream(file), { signal });
    for (const entry of entries) {
      if (Buffer.isBuffer(entry.data)) {
        zip.addBuffer(entry.data, entry.name);
      } else {
        zip.addReadStream(entry.data, entry.name, { compress: false });
      }
    }
    zip.end();
    await written;
    signal.throwIfAborted();
    return await use(file, (await stat(file)).size);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What one upload of a ZIP gave. */
export interface UploadResult {
  status: number;
  body: string;
  /** Milliseconds from sending the first byte to the end of the answer. */
  elapsedMs: number;
  /** Bytes of the request body (the multipart envelope included). */
  bodyBytes: number;
}

/**
 * Logs in as `creator`, creates a Nano and uploads `file` as its new version: a multipart body
 * with a single `file` part, streamed from disk with a known Content-Length.
 */
export async function uploadZip(
  ctx: CustomContext,
  creator: string,
  file: string,
  fileBytes: number,
): Promise<UploadResult> {
  const access = await loginCookie(ctx.baseUrl, creator);
  const nanoId = await createNano(ctx.baseUrl, access, `Bench ${path.basename(file)} ${Date.now()}`);
  const boundary = `nano-bench-${Date.now().toString(36)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.zip"\r\n` +
      'Content-Type: application/zip\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const bodyBytes = head.length + fileBytes + tail.length;

  const url = new URL(`/api/v1/nanos/${nanoId}/versions`, ctx.baseUrl);
  const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(UPLOAD_TIMEOUT_MS)]);
  const started = performance.now();
  const request = http.request(url, {
    method: 'POST',
    signal,
    headers: {
      ...csrfHeaders([access]),
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(bodyBytes),
    },
  });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('error', reject);
      response.once('end', () =>
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
  });
  answered.catch(() => {}); // awaited below; the server may answer (e.g. 4xx) before the body is sent

  const send = async () => {
    request.write(head);
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024, signal })) {
      if (!request.write(chunk)) {
        await Promise.race([once(request, 'drain', { signal }), answered]);
      }
    }
    request.end(tail);
  };
  // A server that answers early (and closes) ends the sending; the answer is what counts.
  await Promise.race([send().catch(() => answered), answered]);
  const { status, body } = await answered;
  return { status, body, elapsedMs: performance.now() - started, bodyBytes };
}

/** The figures of one upload as a {@link Measurement} with `requests: 1`. */
export function uploadMeasurement(result: UploadResult, expectStatus = 201): Measurement {
  const ms = result.elapsedMs;
  return {
    durationSeconds: Math.round(ms) / 1000,
    requests: 1,
    requestsPerSecond: 1000 / ms,
    latencyMs: { mean: ms, p50: ms, p90: ms, p95: ms, p99: ms, max: ms },
    statusCodes: { [String(result.status)]: 1 },
    non2xx3xx: result.status < 200 || result.status >= 400 ? 1 : 0,
    unexpectedStatus: result.status === expectStatus ? 0 : 1,
    errors: 0,
    timeouts: 0,
  };
}

/** Prints one line about the upload; the answer's beginning when it is not the expected one. */
export function reportUpload(name: string, result: UploadResult, zipBytes: number, expectStatus = 201): void {
  const mb = zipBytes / 1e6;
  const seconds = result.elapsedMs / 1000;
  process.stderr.write(
    `${name}: ZIP ${mb.toFixed(1)} MB (${(zipBytes / 1024 / 1024).toFixed(1)} MiB), answered ${result.status} ` +
      `in ${seconds.toFixed(2)} s, ${(mb / seconds).toFixed(1)} MB/s\n`,
  );
  if (result.status !== expectStatus) {
    process.stderr.write(`${name}: answer ${result.body.slice(0, 1000)}\n`);
  }
}
