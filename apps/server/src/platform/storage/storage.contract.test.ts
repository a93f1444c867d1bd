import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3rver } from '../../../test/s3rver.ts';
import {
  InvalidObjectKeyError,
  type ObjectInfo,
  ObjectNotFoundError,
  type ObjectStorage,
  RangeNotSatisfiableError,
} from '../storage.ts';
import { createLocalStorage } from './local-storage.ts';
import { createS3Storage } from './s3-storage.ts';

/** A running store for one suite. */
interface Fixture {
  storage: ObjectStorage;
  /** Temp files left in the store's own scratch space, where it has one we can see. */
  tempFiles?: () => Promise<string[]>;
  stop(): Promise<void>;
}

interface Implementation {
  name: string;
  enabled: boolean;
  /**
   * False for s3rver, which lists in `readdir` order of its data directory; S3 and MinIO list in UTF-8 byte
   * order, which the S3 adapter passes through unchanged. Without it only the set of keys is compared.
   */
  listsInKeyOrder: boolean;
  start(): Promise<Fixture>;
}

const implementations: Implementation[] = [
  {
    name: 'local',
    enabled: true,
    listsInKeyOrder: true,
    async start() {
      const rootDir = await mkdtemp(path.join(tmpdir(), 'nano-storage-'));
      return {
        storage: createLocalStorage({ rootDir }),
        tempFiles: () => readdir(path.join(rootDir, '.tmp')),
        stop: () => rm(rootDir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 's3 (s3rver)',
    // Needs no container, but it is a real HTTP server: it runs with the other service tests.
    enabled: process.env.TEST_SERVICES === '1',
    listsInKeyOrder: false,
    async start() {
      const bucket = 'nano-test';
      const s3 = await startS3rver([bucket]);
      const storage = createS3Storage({
        endpoint: s3.endpoint,
        region: 'us-east-1',
        bucket,
        accessKeyId: s3.accessKeyId,
        secretAccessKey: s3.secretAccessKey,
        forcePathStyle: true,
      });
      return {
        storage,
        async stop() {
          await storage.close();
          await s3.close();
        },
      };
    },
  },
];

const CHUNK_SIZE = 64 * 1024;
// Larger than one 8 MB multipart part, so the S3 mode streams several parts.
const LARGE_SIZE = 9 * 1024 * 1024 + 123;

/** Deterministic bytes that differ at every offset a range test looks at. */
function patternBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) {
    bytes[i] = (i * 31 + (i >> 8)) & 0xff;
  }
  return bytes;
}

/** Streams `data` in chunks, failing (as a dropped upload would) once `failAt` bytes have been sent. */
function streamOf(data: Buffer, failAt?: number): Readable {
  return Readable.from(
    (async function* () {
      for (let offset = 0; offset < data.length; offset += CHUNK_SIZE) {
        if (failAt !== undefined && offset >= failAt) {
          throw new Error('client went away');
        }
        yield data.subarray(offset, offset + CHUNK_SIZE);
      }
    })(),
  );
}

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

async function collect(objects: AsyncIterable<ObjectInfo>): Promise<ObjectInfo[]> {
  const result: ObjectInfo[] = [];
  for await (const object of objects) {
    result.push(object);
  }
  return result;
}

describe.each(implementations.filter((implementation) => implementation.enabled))(
  'object storage contract: $name',
  (implementation) => {
    let fixture: Fixture;
    let storage: ObjectStorage;
    const large = patternBytes(LARGE_SIZE);

    beforeAll(async () => {
      fixture = await implementation.start();
      storage = fixture.storage;
    });
    afterAll(async () => {
      await fixture?.stop();
    });

    it('answers the readiness check', async () => {
      await expect(storage.check()).resolves.toBeUndefined();
    });

    it('round-trips a Buffer with its content type, also under keys that need URL encoding', async () => {
      for (const key of ['round-trip/hello.txt', 'round-trip/sp ace/ünï+cødé&(1).txt']) {
        await expect(storage.put(key, Buffer.from('hello'), { contentType: 'text/plain' })).resolves.toEqual({
          size: 5,
        });
        const object = await storage.get(key);
        expect((await readAll(object.body)).toString()).toBe('hello');
        expect(object).toMatchObject({
          totalSize: 5,
          range: { start: 0, end: 4 },
          contentType: 'text/plain',
        });
      }
    });

    it('round-trips a stream of several MB and reports its size', async () => {
      await expect(storage.put('stream/large.bin', streamOf(large))).resolves.toEqual({ size: LARGE_SIZE });
      const object = await storage.get('stream/large.bin');
      expect(object.totalSize).toBe(LARGE_SIZE);
      expect(object.range).toEqual({ start: 0, end: LARGE_SIZE - 1 });
      expect((await readAll(object.body)).equals(large)).toBe(true);
    });

    it('round-trips an empty object, of which no range is satisfiable', async () => {
      await expect(storage.put('empty/nothing', Buffer.alloc(0))).resolves.toEqual({ size: 0 });
      const object = await storage.get('empty/nothing');
      expect((await readAll(object.body)).length).toBe(0);
      expect(object.totalSize).toBe(0);
      await expect(storage.get('empty/nothing', { start: 0 })).rejects.toBeInstanceOf(
        RangeNotSatisfiableError,
      );
    });

    it('reports size, content type and modification time in head', async () => {
      const before = Date.now();
      await storage.put('head/typed.zip', Buffer.from('zip bytes'), { contentType: 'application/zip' });
      await storage.put('head/untyped', Buffer.from('x'));
      const typed = await storage.head('head/typed.zip');
      expect(typed).toMatchObject({ key: 'head/typed.zip', size: 9, contentType: 'application/zip' });
      // Second resolution on S3: allow for the truncated timestamp.
      expect(typed?.lastModified.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(await storage.head('head/untyped')).toMatchObject({
        size: 1,
        contentType: 'application/octet-stream',
      });
    });

    describe('byte ranges', () => {
      const key = 'ranges/large.bin';
      beforeAll(async () => {
        await storage.put(key, large, { contentType: 'application/octet-stream' });
      });

      it.each([
        { name: 'the first bytes', asked: { start: 0, end: 9 }, returned: { start: 0, end: 9 } },
        {
          name: 'a middle part',
          asked: { start: 5_000_000, end: 5_000_099 },
          returned: { start: 5_000_000, end: 5_000_099 },
        },
        {
          name: 'an open end',
          asked: { start: LARGE_SIZE - 10 },
          returned: { start: LARGE_SIZE - 10, end: LARGE_SIZE - 1 },
        },
        {
          name: 'an end past the object, clamped',
          asked: { start: LARGE_SIZE - 5, end: LARGE_SIZE + 100 },
          returned: { start: LARGE_SIZE - 5, end: LARGE_SIZE - 1 },
        },
      ])('returns $name', async ({ asked, returned }) => {
        const object = await storage.get(key, asked);
        expect(object.range).toEqual(returned);
        expect(object.totalSize).toBe(LARGE_SIZE);
        const bytes = await readAll(object.body);
        expect(bytes.equals(large.subarray(returned.start, returned.end + 1))).toBe(true);
      });

      it('rejects a start past the end, telling the object size', async () => {
        const failure = storage.get(key, { start: LARGE_SIZE });
        await expect(failure).rejects.toBeInstanceOf(RangeNotSatisfiableError);
        await expect(failure).rejects.toMatchObject({ totalSize: LARGE_SIZE });
      });

      it('rejects malformed ranges', async () => {
        for (const range of [{ start: -1 }, { start: 10, end: 9 }, { start: 1.5 }]) {
          await expect(storage.get(key, range)).rejects.toBeInstanceOf(RangeNotSatisfiableError);
        }
      });
    });

    it('reports a missing object, including a key that is only a folder of others', async () => {
      await storage.put('missing/folder/inner', Buffer.from('x'));
      for (const key of ['missing/never-stored', 'missing/folder']) {
        await expect(storage.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
        expect(await storage.head(key)).toBeNull();
      }
    });

    it('deletes idempotently', async () => {
      await storage.put('delete/me', Buffer.from('x'));
      await storage.delete('delete/me');
      expect(await storage.head('delete/me')).toBeNull();
      await expect(storage.delete('delete/me')).resolves.toBeUndefined();
      await expect(storage.delete('delete/never-stored')).resolves.toBeUndefined();
      expect(await collect(storage.list('delete/'))).toEqual([]);
    });

    it('lists by prefix in key (UTF-8 byte) order, recursively', async () => {
      const keys = ['list/b', 'list/a/2', 'list/ä', 'list/a/1', 'list/ab', 'list/a-x', 'lists/other'];
      for (const key of keys) {
        await storage.put(key, Buffer.from(key));
      }
      const keysOf = async (prefix: string) => {
        const listed = (await collect(storage.list(prefix))).map((object) => object.key);
        return implementation.listsInKeyOrder ? listed : listed.sort(compareUtf8);
      };
      expect(await keysOf('list/')).toEqual([
        'list/a-x',
        'list/a/1',
        'list/a/2',
        'list/ab',
        'list/b',
        'list/ä',
      ]);
      expect(await keysOf('list/a')).toEqual(['list/a-x', 'list/a/1', 'list/a/2', 'list/ab']);
      expect(await keysOf('list/a/')).toEqual(['list/a/1', 'list/a/2']);
      expect(await keysOf('list')).toContain('lists/other');
      expect(await keysOf('list/nothing/')).toEqual([]);
      const [first] = await collect(storage.list('list/a/1'));
      expect(first).toMatchObject({ key: 'list/a/1', size: Buffer.byteLength('list/a/1') });
      expect(first?.lastModified).toBeInstanceOf(Date);
    });

    it('rejects invalid keys and prefixes', async () => {
      const invalid = [
        '',
        '/absolute',
        'double//slash',
        'trailing/',
        'up/../escape',
        '..',
        'dot/./segment',
        'back\\slash',
        'nul\0byte',
        'x'.repeat(1025),
        `long/${'x'.repeat(256)}`,
      ];
      for (const key of invalid) {
        await expect(storage.put(key, Buffer.from('x')), key).rejects.toBeInstanceOf(InvalidObjectKeyError);
        await expect(storage.get(key), key).rejects.toBeInstanceOf(InvalidObjectKeyError);
        await expect(storage.head(key), key).rejects.toBeInstanceOf(InvalidObjectKeyError);
        await expect(storage.delete(key), key).rejects.toBeInstanceOf(InvalidObjectKeyError);
      }
      for (const prefix of ['../', '/abs', 'a//', 'a/../']) {
        await expect(collect(storage.list(prefix)), prefix).rejects.toBeInstanceOf(InvalidObjectKeyError);
      }
    });

    it('shows no object while a put is still streaming', async () => {
      let release = (): void => {};
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      let paused = (): void => {};
      const reachedPause = new Promise<void>((resolve) => {
        paused = resolve;
      });
      const body = Readable.from(
        (async function* () {
          yield large.subarray(0, CHUNK_SIZE);
          paused();
          await gate;
          yield large.subarray(CHUNK_SIZE, 2 * CHUNK_SIZE);
        })(),
      );
      const putting = storage.put('in-progress/file', body);
      await reachedPause;
      expect(await storage.head('in-progress/file')).toBeNull();
      expect(await collect(storage.list('in-progress/'))).toEqual([]);
      release();
      await expect(putting).resolves.toEqual({ size: 2 * CHUNK_SIZE });
      expect(await storage.head('in-progress/file')).toMatchObject({ size: 2 * CHUNK_SIZE });
    });

    it('replaces an object on overwrite', async () => {
      await storage.put('overwrite/file', Buffer.from('the first, longer version'), {
        contentType: 'text/plain',
      });
      await storage.put('overwrite/file', Buffer.from('v2'), { contentType: 'application/json' });
      const object = await storage.get('overwrite/file');
      expect((await readAll(object.body)).toString()).toBe('v2');
      expect(await storage.head('overwrite/file')).toMatchObject({
        size: 2,
        contentType: 'application/json',
      });
    });

    it.each([
      { name: 'early', failAt: CHUNK_SIZE },
      { name: 'after more than one multipart part', failAt: LARGE_SIZE - CHUNK_SIZE },
    ])('stores nothing when the body stream fails $name', async ({ failAt }) => {
      const key = `failed/${failAt}`;
      await expect(storage.put(key, streamOf(large, failAt))).rejects.toThrow('client went away');
      expect(await storage.head(key)).toBeNull();
      expect(await collect(storage.list('failed/'))).toEqual([]);
      if (fixture.tempFiles) {
        expect(await fixture.tempFiles()).toEqual([]);
      }
    });

    it('keeps the previous object when an overwrite fails', async () => {
      await storage.put('failed-overwrite/file', Buffer.from('intact'));
      await expect(storage.put('failed-overwrite/file', streamOf(large, CHUNK_SIZE))).rejects.toThrow();
      const object = await storage.get('failed-overwrite/file');
      expect((await readAll(object.body)).toString()).toBe('intact');
    });
  },
);
