import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { createPublishedNano, makePdf, makePng, makeZip } from '../nano-fixtures.ts';

/** 26 bytes whose every range is easy to read back. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** The directives of a Content-Security-Policy header, by name. */
function cspDirectives(header: unknown): Map<string, string> {
  return new Map(
    String(header ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const space = d.indexOf(' ');
        return space < 0 ? [d, ''] : [d.slice(0, space), d.slice(space + 1)];
      }),
  );
}

describe(`serving a Nano's files (${testDatabaseKind})`, () => {
  let t: TestApp;
  let owner: TestClient;
  let moderator: TestClient;
  let consumer: TestClient;
  let guest: TestClient;
  let mixed: string;
  let html: string;

  beforeAll(async () => {
    t = await buildTestApp();
    owner = await signIn(t, await createUser(t, { role: 'creator' }), { ip: '198.51.100.71' });
    moderator = await signIn(t, await createUser(t, { role: 'moderator' }), { ip: '198.51.100.72' });
    consumer = await signIn(t, await createUser(t, { role: 'consumer' }), { ip: '198.51.100.73' });
    guest = new TestClient(t.app, { ip: '198.51.100.74' });
    mixed = await createPublishedNano(
      t,
      owner,
      moderator,
      await makeZip({
        'folien.pdf': await makePdf('Bereiche'),
        'bild.png': await makePng(),
        'notizen.md': '# Notizen\n',
        'alphabet.txt': ALPHABET,
        'Übungen/Teil 1 – Grundlagen.md': '# Übung\n',
      }),
    );
    html = await createPublishedNano(
      t,
      owner,
      moderator,
      await makeZip({
        'index.html': '<!doctype html><link rel="stylesheet" href="style.css"><script src="app.js"></script>',
        'app.js': 'document.body.dataset.ready = "1";\n',
        'style.css': 'body { margin: 0; }\n',
      }),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const file = (id: string, path: string) =>
    `/api/v1/nanos/${id}/content/${path.split('/').map(encodeURIComponent).join('/')}`;

  describe('Range requests', () => {
    const cases: Array<{ range: string; body: string; contentRange: string }> = [
      { range: 'bytes=0-9', body: 'abcdefghij', contentRange: 'bytes 0-9/26' },
      { range: 'bytes=20-', body: 'uvwxyz', contentRange: 'bytes 20-25/26' },
      { range: 'bytes=-5', body: 'vwxyz', contentRange: 'bytes 21-25/26' },
      { range: 'bytes=24-99', body: 'yz', contentRange: 'bytes 24-25/26' },
      { range: 'bytes=-100', body: ALPHABET, contentRange: 'bytes 0-25/26' },
    ];
    for (const { range, body, contentRange } of cases) {
      it(`answers ${range} with 206 and Content-Range ${contentRange}`, async () => {
        const res = await guest.get(file(mixed, 'alphabet.txt'), { range });
        expect(res.statusCode).toBe(206);
        expect(res.body).toBe(body);
        expect(res.headers['content-range']).toBe(contentRange);
        expect(res.headers['content-length']).toBe(String(body.length));
        expect(res.headers['accept-ranges']).toBe('bytes');
      });
    }

    it('answers without a Range header with the whole file and 200', async () => {
      const res = await guest.get(file(mixed, 'alphabet.txt'));
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(ALPHABET);
      expect(res.headers['content-range']).toBeUndefined();
      expect(res.headers['accept-ranges']).toBe('bytes');
    });

    for (const range of ['bytes=26-', 'bytes=30-40', 'bytes=-0']) {
      it(`answers the unsatisfiable ${range} with 416 and Content-Range bytes */26`, async () => {
        const res = await guest.get(file(mixed, 'alphabet.txt'), { range });
        expect(res.statusCode).toBe(416);
        expect(res.headers['content-range']).toBe('bytes */26');
        expect(res.json().code).toBe('range_not_satisfiable');
      });
    }

    it('serves ranges of binary files byte for byte', async () => {
      const whole = await guest.get(file(mixed, 'folien.pdf'));
      const size = whole.rawPayload.length;
      const tail = await guest.get(file(mixed, 'folien.pdf'), { range: 'bytes=-16' });
      expect(tail.statusCode).toBe(206);
      expect(tail.rawPayload.equals(whole.rawPayload.subarray(size - 16))).toBe(true);
      expect(tail.headers['content-range']).toBe(`bytes ${size - 16}-${size - 1}/${size}`);
    });
  });

  it('sends every file with the content type derived at validation and nosniff', async () => {
    for (const id of [mixed, html]) {
      const listing = await guest.get(`/api/v1/nanos/${id}/files`);
      expect(listing.statusCode).toBe(200);
      const items = listing.json().items as Array<{ path: string; mimeType: string; size: number }>;
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        const res = await guest.get(file(id, item.path));
        expect(res.statusCode, item.path).toBe(200);
        expect(res.headers['content-type'], item.path).toBe(item.mimeType);
        expect(res.headers['x-content-type-options'], item.path).toBe('nosniff');
        expect(res.rawPayload.length, item.path).toBe(item.size);
      }
    }
    const types = Object.fromEntries(
      (
        (await guest.get(`/api/v1/nanos/${mixed}/files`)).json().items as Array<{
          path: string;
          mimeType: string;
        }>
      ).map((i) => [i.path, i.mimeType]),
    );
    expect(types).toEqual({
      'alphabet.txt': 'text/plain; charset=utf-8',
      'bild.png': 'image/png',
      'folien.pdf': 'application/pdf',
      'notizen.md': 'text/markdown; charset=utf-8',
      'Übungen/Teil 1 – Grundlagen.md': 'text/markdown; charset=utf-8',
    });
  });

  it('runs an HTML package sandboxed with scripts and forms, framable only by the platform', async () => {
    for (const path of ['index.html', 'app.js', 'style.css']) {
      const res = await guest.get(file(html, path));
      expect(res.statusCode, path).toBe(200);
      const csp = cspDirectives(res.headers['content-security-policy']);
      expect(csp.get('sandbox'), path).toBe('allow-scripts allow-forms');
      expect(csp.get('frame-ancestors'), path).toBe("'self'");
      expect(csp.get('connect-src'), path).toBe("'none'");
    }
    const index = await guest.get(file(html, 'index.html'));
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(String(index.headers['content-security-policy'])).toContain('sandbox allow-scripts allow-forms');
    expect(index.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('gives other files a plain sandbox without scripts', async () => {
    for (const path of ['folien.pdf', 'bild.png', 'notizen.md', 'alphabet.txt']) {
      const res = await guest.get(file(mixed, path));
      const csp = cspDirectives(res.headers['content-security-policy']);
      expect(csp.get('sandbox'), path).toBe('');
      expect(csp.get('default-src'), path).toBe("'none'");
      expect(csp.has('script-src'), path).toBe(false);
      expect(csp.get('frame-ancestors'), path).toBe("'self'");
    }
  });

  describe('download of the original ZIP', () => {
    async function downloads(id: string): Promise<number> {
      return (await owner.get(`/api/v1/nanos/${id}`)).json().counters.downloads;
    }

    it('is an attachment, counted for others but not for the owner', async () => {
      const before = await downloads(mixed);
      const own = await owner.get(`/api/v1/nanos/${mixed}/download`);
      expect(own.statusCode).toBe(200);
      expect(await downloads(mixed)).toBe(before);

      for (const client of [guest, consumer]) {
        const res = await client.get(`/api/v1/nanos/${mixed}/download`);
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/zip');
        expect(res.headers['content-disposition']).toBe(
          'attachment; filename="excel-pivot-in-10-minuten-1.0.0.zip"',
        );
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.rawPayload.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
        expect(res.headers['content-length']).toBe(String(res.rawPayload.length));
      }
      expect(await downloads(mixed)).toBe(before + 2);
    });

    it('is refused with 403 to the public when the creator does not allow it, but not to the owner', async () => {
      const id = await createPublishedNano(t, owner, moderator, undefined, { downloadAllowed: false });
      for (const client of [guest, consumer]) {
        const res = await client.get(`/api/v1/nanos/${id}/download`);
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ code: 'forbidden', detail: 'download_not_allowed' });
        expect((await client.get(`/api/v1/nanos/${id}`)).json().permissions.download).toBe(false);
      }
      const own = await owner.get(`/api/v1/nanos/${id}/download`);
      expect(own.statusCode).toBe(200);
      expect(own.headers['content-disposition']).toMatch(/^attachment; /);
      expect((await owner.get(`/api/v1/nanos/${id}`)).json().permissions.download).toBe(true);
      expect(await downloads(id)).toBe(0);
    });
  });
});
