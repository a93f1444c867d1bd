import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObjectInfo, ObjectStorage } from '../../platform/storage.ts';
import type { ZipSource } from './storage-zip-reader.ts';
import { createTestStore, imageBytes, pdfBytes, rawZip, type TestStore, yazlZip } from './test-zips.ts';
import { deletePrefix, extractToStorage, ZipChangedError } from './zip-extract.ts';
import { type AcceptedZip, type InspectedEntry, inspectZip } from './zip-inspector.ts';

let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
});

afterAll(async () => {
  await store.stop();
});

async function listKeys(storage: ObjectStorage, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of storage.list(prefix)) {
    keys.push(object.key);
  }
  return keys;
}

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Buffer>) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** An inspection result for a file the ZIP may not hold (or not like this). */
const textEntry: InspectedEntry = {
  path: 'a.txt',
  size: 5,
  compressedSize: 3,
  kind: 'text',
  mimeType: 'text/plain; charset=utf-8',
  sha256: '0'.repeat(64),
};

async function accepted(zip: Buffer): Promise<{ source: ZipSource; result: AcceptedZip }> {
  const source = await store.add(zip);
  const result = await inspectZip(source);
  if (!result.ok) {
    throw new Error(`fixture rejected: ${JSON.stringify(result.problems)}`);
  }
  return { source, result };
}

/** A store whose `failOn`-th put fails, recording the keys of the puts that succeeded before. */
function failingOnPut(inner: ObjectStorage, failOn: number): { storage: ObjectStorage; stored: string[] } {
  const stored: string[] = [];
  let puts = 0;
  const storage: ObjectStorage = {
    ...inner,
    async put(key, body, options) {
      puts += 1;
      if (puts === failOn) {
        if (!Buffer.isBuffer(body)) {
          body.destroy();
        }
        throw new Error('disk full');
      }
      const result = await inner.put(key, body, options);
      stored.push(key);
      return result;
    },
  };
  return { storage, stored };
}

describe('extractToStorage', () => {
  it('writes each accepted entry under the prefix with its MIME type, readable by range', async () => {
    const pdf = await pdfBytes();
    const png = await imageBytes('png');
    const { source, result } = await accepted(
      await yazlZip([
        { directory: 'bilder' },
        { path: 'handout.pdf', content: pdf },
        { path: 'bilder/bild.png', content: png },
        { path: 'Übung.md', content: '# Übung' },
        { path: '__MACOSX/._handout.pdf', content: 'clutter' },
      ]),
    );

    await extractToStorage(source, result.entries, store.storage, 'versions/v1');

    expect(await listKeys(store.storage, 'versions/v1/')).toEqual([
      'versions/v1/bilder/bild.png',
      'versions/v1/handout.pdf',
      'versions/v1/Übung.md',
    ]);
    expect(await store.storage.head('versions/v1/handout.pdf')).toMatchObject({
      size: pdf.length,
      contentType: 'application/pdf',
    });
    expect((await store.storage.head('versions/v1/Übung.md'))?.contentType).toBe(
      'text/markdown; charset=utf-8',
    );
    const range = await store.storage.get('versions/v1/bilder/bild.png', { start: 1, end: 3 });
    expect((await readAll(range.body)).toString('latin1')).toBe('PNG');
    expect(await readAll((await store.storage.get('versions/v1/handout.pdf')).body)).toEqual(pdf);
  });

  it('removes what it wrote and rethrows when the store fails on the third file', async () => {
    const { source, result } = await accepted(
      await yazlZip(['a', 'b', 'c', 'd'].map((name) => ({ path: `${name}.txt`, content: `Datei ${name}` }))),
    );

    const failing = failingOnPut(store.storage, 3);

    await expect(extractToStorage(source, result.entries, failing.storage, 'versions/v2')).rejects.toThrow(
      'disk full',
    );

    expect(failing.stored).toEqual(['versions/v2/a.txt', 'versions/v2/b.txt']);
    expect(await listKeys(store.storage, 'versions/v2/')).toEqual([]);
  });

  it('refuses a ZIP that differs from its inspection, leaving nothing behind', async () => {
    const { result } = await accepted(
      await yazlZip([
        { path: 'a.txt', content: 'original' },
        { path: 'b.txt', content: 'original' },
      ]),
    );
    const swapped = await store.add(
      await yazlZip([
        { path: 'a.txt', content: 'original' },
        { path: 'b.txt', content: 'replaced' },
      ]),
    );

    await expect(
      extractToStorage(swapped, result.entries, store.storage, 'versions/v3'),
    ).rejects.toBeInstanceOf(ZipChangedError);
    expect(await listKeys(store.storage, 'versions/v3/')).toEqual([]);
  });

  it('fails on an entry the ZIP does not contain, leaving nothing behind', async () => {
    const { source, result } = await accepted(await yazlZip([{ path: 'a.txt', content: 'a' }]));
    const missing: InspectedEntry = { ...textEntry, path: 'missing.txt' };
    const entries = [...result.entries, missing];

    await expect(extractToStorage(source, entries, store.storage, 'versions/v4')).rejects.toThrow(
      /missing\.txt/,
    );
    expect(await listKeys(store.storage, 'versions/v4/')).toEqual([]);
  });

  it('fails on a damaged entry without hanging', async () => {
    const zip = rawZip([{ name: 'a.txt', data: Buffer.from([0xff, 0xff, 0xff]), uncompressedSize: 5 }]);
    const source = await store.add(zip);
    const entries = [{ ...textEntry, path: 'a.txt' }];

    await expect(extractToStorage(source, entries, store.storage, 'versions/v5')).rejects.toThrow();
    expect(await listKeys(store.storage, 'versions/v5/')).toEqual([]);
  });
});

describe('deletePrefix', () => {
  it('removes everything under the prefix and nothing beside it', async () => {
    for (const key of [
      'versions/v6/a.txt',
      'versions/v6/sub/b.txt',
      'versions/v60/c.txt',
      'versions/v6.zip',
    ]) {
      await store.storage.put(key, Buffer.from(key));
    }

    await deletePrefix(store.storage, 'versions/v6');

    const remaining: ObjectInfo[] = [];
    for await (const object of store.storage.list('versions/v6')) {
      remaining.push(object);
    }
    expect(remaining.map((object) => object.key)).toEqual(['versions/v6.zip', 'versions/v60/c.txt']);
  });

  it('is a no-op for an empty prefix folder', async () => {
    await expect(deletePrefix(store.storage, 'versions/none')).resolves.toBeUndefined();
  });
});
