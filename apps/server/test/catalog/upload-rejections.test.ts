import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZIP_MAX_BYTES } from '../../src/modules/uploads/upload.constants.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn } from '../factories.ts';
import type { TestClient } from '../http-client.ts';
import {
  createDraft,
  makePdf,
  makePng,
  makeZip,
  storedKeys,
  uploadZip,
  versionRows,
} from '../nano-fixtures.ts';

interface UploadProblem {
  path: string | null;
  code: string;
  message: string;
}

const BOUNDARY = '----nano-oversize-boundary';

/** A multipart body whose `file` part is `size` zero bytes, produced on the fly (never held in memory). */
function streamedUpload(size: number): Readable {
  const chunk = Buffer.alloc(1024 * 1024);
  return Readable.from(
    (function* () {
      yield Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="gross.zip"\r\nContent-Type: application/zip\r\n\r\n`,
      );
      let left = size;
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        yield n === chunk.length ? chunk : chunk.subarray(0, n);
        left -= n;
      }
      yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
    })(),
  );
}

describe(`refused uploads through POST /nanos/{id}/versions (${testDatabaseKind})`, () => {
  let t: TestApp;
  let creator: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    creator = await signIn(t, await createUser(t, { role: 'creator' }), { ip: '198.51.100.21' });
  });
  afterAll(async () => {
    await t.close();
  });

  /** Nothing of the refused upload may remain: no object, no version row. */
  async function expectNothingLeft(id: string): Promise<void> {
    expect(await storedKeys(t, `nanos/${id}/`)).toEqual([]);
    expect(await versionRows(t, id)).toEqual([]);
    const nano = await creator.get(`/api/v1/nanos/${id}`);
    expect(nano.json()).toMatchObject({ status: 'draft', currentVersion: null, pendingVersion: null });
  }

  const cases: Array<{
    name: string;
    zip: () => Promise<Buffer>;
    expected: Array<{ path: string | null; code: string; de: string; en: string }>;
  }> = [
    {
      name: 'a text file named .png (type_mismatch)',
      zip: () => makeZip({ 'bild.png': 'Ich bin kein Bild.', 'notizen.md': '# Notizen' }),
      expected: [
        {
          path: 'bild.png',
          code: 'type_mismatch',
          de: 'Der Inhalt passt nicht zur Dateiendung „.png“.',
          en: 'The content does not match the file extension ".png".',
        },
      ],
    },
    {
      name: 'HTML outside a package (package_only)',
      zip: async () => makeZip({ 'seite.html': '<h1>Hallo</h1>', 'bild.png': await makePng() }),
      expected: [
        {
          path: 'seite.html',
          code: 'package_only',
          de: 'HTML, CSS, JavaScript, Schriften, XML und JSON sind nur in einem HTML- oder SCORM-Paket erlaubt',
          en: 'HTML, CSS, JavaScript, fonts, XML and JSON are only allowed in an HTML or SCORM package',
        },
      ],
    },
    {
      name: 'a PDF renamed to .zip (not_a_zip)',
      zip: () => makePdf('Kein Archiv'),
      expected: [
        {
          path: null,
          code: 'not_a_zip',
          de: 'Die Datei ist kein ZIP-Archiv.',
          en: 'The file is not a ZIP archive.',
        },
      ],
    },
  ];

  for (const { name, zip, expected } of cases) {
    it(`refuses ${name} with 422, German by default and English on request, leaving nothing`, async () => {
      const file = await zip();
      for (const locale of ['de', 'en'] as const) {
        const id = await createDraft(t, creator);
        const res = await uploadZip(creator, id, file, {
          headers: locale === 'en' ? { 'accept-language': 'en' } : {},
        });
        expect(res.statusCode, res.body).toBe(422);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        const body = res.json<{ code: string; title: string; problems: UploadProblem[] }>();
        expect(body.code).toBe('upload_rejected');
        expect(body.title).toBe(
          locale === 'de' ? 'Die Datei wurde nicht angenommen.' : 'The file was not accepted.',
        );
        expect(body.problems).toHaveLength(expected.length);
        expected.forEach((problem, i) => {
          expect(body.problems[i]).toMatchObject({ path: problem.path, code: problem.code });
          expect(body.problems[i]?.message).toContain(problem[locale]);
        });
        await expectNothingLeft(id);
      }
    });
  }

  it('refuses a ZIP one byte over 100 MB with 413 and leaves nothing (streamed, never buffered)', async () => {
    const id = await createDraft(t, creator);
    const res = await creator.request({
      method: 'POST',
      url: `/api/v1/nanos/${id}/versions`,
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: streamedUpload(ZIP_MAX_BYTES + 1),
    });
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large', status: 413 });
    await expectNothingLeft(id);
  });

  it('accepts a ZIP of exactly the limit as far as size goes (inspection then judges the content)', async () => {
    const id = await createDraft(t, creator);
    const res = await creator.request({
      method: 'POST',
      url: `/api/v1/nanos/${id}/versions`,
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: streamedUpload(ZIP_MAX_BYTES),
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json<{ problems: UploadProblem[] }>().problems).toEqual([
      expect.objectContaining({ path: null, code: 'not_a_zip' }),
    ]);
    await expectNothingLeft(id);
  });
});
