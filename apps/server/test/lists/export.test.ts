import { listExportSchema } from '@nano/contracts';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportContentDisposition, exportFileSlug } from '../../src/modules/lists/list-export.ts';
import { EXPORT_RATE_LIMIT } from '../../src/modules/lists/lists.routes.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import type { TestClient } from '../http-client.ts';
import { readPdf } from '../pdf-text.ts';
import { insertNano } from '../search/search-fixtures.ts';
import { put, setNanoStatus } from './list-fixtures.ts';

const LISTS = '/api/v1/lists';

describe(`list exports (${testDatabaseKind})`, () => {
  let t: TestApp;
  let alice: TestClient;
  let english: TestClient;
  let owner: TestUser;
  let listId: string;
  let nanos: string[];
  const titles = [
    'Übungen zur Öffentlichkeitsarbeit',
    'Größenvergleich mit Formeln',
    '=SUMME(A1) sicher nutzen',
  ];

  beforeAll(async () => {
    t = await buildTestApp();
    const creator = await createUser(t, { role: 'creator', displayName: 'Weiterbildung Müller & Söhne' });
    owner = await createUser(t);
    alice = await signIn(t, owner, { ip: '198.51.100.70' });
    english = await signIn(t, owner, { ip: '198.51.100.71', locale: 'en' });
    nanos = [
      await insertNano(t, creator.id, {
        title: titles[0] as string,
        durationMinutes: 15,
        level: 1,
        license: 'CC-BY-4.0',
      }),
      await insertNano(t, creator.id, {
        title: titles[1] as string,
        durationMinutes: 7,
        level: 2,
        license: 'proprietary',
      }),
      await insertNano(t, creator.id, {
        title: titles[2] as string,
        durationMinutes: 20,
        level: 3,
        license: 'CC0-1.0',
      }),
      await insertNano(t, creator.id, { title: 'Archivierter Kurs', durationMinutes: 5 }),
    ];
    const created = await alice.post('/api/v1/me/lists', {
      name: 'Excel-Schulung Team',
      description: 'Für die Führungskräfte im Controlling',
    });
    listId = created.json().id;
    for (const nano of nanos) {
      await put(alice, `${LISTS}/${listId}/items/${nano}`);
    }
    await setNanoStatus(t, nanos[3] as string, 'archived');
  });
  afterAll(async () => {
    await t.close();
  });

  it('names the file after the list', () => {
    expect(exportFileSlug('Excel-Schulung Team', 'liste')).toBe('excel-schulung-team');
    expect(exportFileSlug('Übersicht: Größen & Maße!', 'liste')).toBe('uebersicht-groessen-masse');
    expect(exportFileSlug('🙂🙂', 'liste')).toBe('liste');
    expect(exportFileSlug('a'.repeat(100), 'liste')).toHaveLength(60);
    expect(exportContentDisposition('Ärger "im" Team/2026', 'pdf', 'de')).toBe(
      `attachment; filename="aerger-im-team-2026.pdf"; filename*=UTF-8''%C3%84rger%20-im-%20Team-2026.pdf`,
    );
  });

  it('exports CSV with a byte order mark, a German header and one row per available Nano', async () => {
    const response = await alice.get(`${LISTS}/${listId}/export?format=csv`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="excel-schulung-team.csv"; filename*=UTF-8''Excel-Schulung%20Team.csv`,
    );
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows: string[][] = parse(response.rawPayload, { bom: true, delimiter: ';' });
    expect(rows[0]).toEqual(['Position', 'Titel', 'Anbieter', 'Dauer (Min.)', 'Niveau', 'Lizenz', 'Link']);
    expect(rows.slice(1)).toEqual([
      [
        '1',
        titles[0],
        'Weiterbildung Müller & Söhne',
        '15',
        'Grundlagen',
        'CC BY 4.0',
        `${t.config.publicUrl}/nanos/${nanos[0]}`,
      ],
      [
        '2',
        titles[1],
        'Weiterbildung Müller & Söhne',
        '7',
        'Fortgeschritten',
        'Eigene Lizenz',
        `${t.config.publicUrl}/nanos/${nanos[1]}`,
      ],
      // A formula-like title stays text in a spreadsheet.
      [
        '3',
        `'${titles[2]}`,
        'Weiterbildung Müller & Söhne',
        '20',
        'Experte',
        'CC0 1.0',
        `${t.config.publicUrl}/nanos/${nanos[2]}`,
      ],
    ]);
  });

  it('words the CSV in English for an English request', async () => {
    const response = await english.get(`${LISTS}/${listId}/export?format=csv`);
    const rows: string[][] = parse(response.rawPayload, { bom: true });
    expect(rows[0]).toEqual(['Position', 'Title', 'Provider', 'Duration (min)', 'Level', 'Licence', 'Link']);
    expect(rows[2]?.slice(4, 6)).toEqual(['Advanced', 'Own licence']);
  });

  it('exports JSON matching the schema, every item with its availability', async () => {
    const response = await alice.get(`${LISTS}/${listId}/export?format=json`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('filename="excel-schulung-team.json"');
    const data = listExportSchema.parse(JSON.parse(response.body));
    expect(data).toMatchObject({
      name: 'Excel-Schulung Team',
      description: 'Für die Führungskräfte im Controlling',
      exportedAt: t.clock.now().toISOString(),
    });
    expect(data.items.map((i) => [i.position, i.title, i.available])).toEqual([
      [1, titles[0], true],
      [2, titles[1], true],
      [3, titles[2], true],
      [4, 'Archivierter Kurs', false],
    ]);
    expect(data.items[1]).toMatchObject({
      creator: 'Weiterbildung Müller & Söhne',
      durationMinutes: 7,
      level: 2,
      license: 'proprietary',
      url: `${t.config.publicUrl}/nanos/${nanos[1]}`,
    });
  });

  it('exports a PDF with every available title (umlauts included), facts, links and page numbers', async () => {
    const response = await alice.get(`${LISTS}/${listId}/export?format=pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('filename="excel-schulung-team.pdf"');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const { pages, links } = await readPdf(response.rawPayload);
    expect(pages).toHaveLength(1);
    const text = pages.join('\n');
    for (const title of titles) {
      expect(text).toContain(title);
    }
    expect(text).toContain('Excel-Schulung Team');
    expect(text).toContain('Für die Führungskräfte im Controlling');
    expect(text).toContain('Weiterbildung Müller & Söhne');
    expect(text).toContain('Fortgeschritten');
    expect(text).toContain('Eigene Lizenz');
    expect(text).toContain('Dauer: 15 Min.');
    expect(text).toContain('Niveau: Experte');
    expect(text).toContain('Lizenz: CC BY 4.0');
    expect(text).toContain('Seite 1 von 1');
    expect(text).not.toContain('Archivierter Kurs');
    expect(text).toContain('nicht mehr veröffentlicht');
    expect(links).toEqual(nanos.slice(0, 3).map((id) => `${t.config.publicUrl}/nanos/${id}`));
  });

  it('breaks long lists over pages and words the PDF in English on request', async () => {
    const creator = await createUser(t, { role: 'creator' });
    const long = (await alice.post('/api/v1/me/lists', { name: 'Lange Liste' })).json().id as string;
    const longTitles: string[] = [];
    for (let i = 1; i <= 30; i++) {
      const title = `Lerneinheit Nummer ${i} über Änderungsmanagement`;
      longTitles.push(title);
      await put(alice, `${LISTS}/${long}/items/${await insertNano(t, creator.id, { title })}`);
    }
    const { pages } = await readPdf((await english.get(`${LISTS}/${long}/export?format=pdf`)).rawPayload);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    const text = pages.join('\n');
    for (const title of longTitles) {
      expect(text).toContain(title);
    }
    expect(text).toContain('Provider');
  });

  it(`allows ${EXPORT_RATE_LIMIT.max} exports per client and minute`, async () => {
    const client = await signIn(t, owner, { ip: '198.51.100.73' });
    for (let i = 0; i < EXPORT_RATE_LIMIT.max; i++) {
      expect((await client.get(`${LISTS}/${listId}/export?format=json`)).statusCode).toBe(200);
    }
    const refused = await client.get(`${LISTS}/${listId}/export?format=json`);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('rate_limited');
  });

  it('needs a known format and the owner', async () => {
    expect((await alice.get(`${LISTS}/${listId}/export?format=xlsx`)).statusCode).toBe(400);
    expect((await alice.get(`${LISTS}/${listId}/export`)).statusCode).toBe(400);
    const stranger = await signIn(t, await createUser(t), { ip: '198.51.100.72' });
    expect((await stranger.get(`${LISTS}/${listId}/export?format=pdf`)).statusCode).toBe(404);
  });
});
