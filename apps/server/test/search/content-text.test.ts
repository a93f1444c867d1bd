import { SEARCH_LIMITS } from '@nano/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { indexVersionContent } from '../../src/modules/search/content-text.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { APPROVE, createPublishedNano, makePdf, makeZip, uploadZip, versionRows } from '../nano-fixtures.ts';

const html = (body: string) =>
  `<!doctype html><html><head><title>Paket</title><style>.geheimstil { color: red }</style></head>` +
  `<body><script>var skriptwort = 1;</script>${body}</body></html>`;

describe(`text inside a Nano's files is searchable (${testDatabaseKind})`, () => {
  let t: TestApp;
  let creator: TestClient;
  let moderator: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    creator = await signIn(t, await createUser(t, { role: 'creator' }), { ip: '198.51.100.80' });
    moderator = await signIn(t, await createUser(t, { role: 'moderator' }), { ip: '198.51.100.81' });
  });
  afterAll(async () => {
    await t.close();
  });
  // A new creator for every test: one who is not trusted yet may submit only a few Nanos a month
  // (SPEC §4.6), and these tests are about the search text, not that quota.
  let creators = 0;
  beforeEach(async () => {
    creators += 1;
    creator = await signIn(t, await createUser(t, { role: 'creator' }), { ip: `198.51.102.${creators}` });
  });

  /** The Nanos whose search document matches `query` (German configuration, as a user types it). */
  async function found(query: string): Promise<string[]> {
    const result = await sql<{ nano_id: string }>`
      select nano_id from search_texts where document @@ websearch_to_tsquery('nm_german', ${query})
    `.execute(t.platform.database.db);
    return result.rows.map((row) => row.nano_id);
  }

  /** The ids the public search API answers for `q`. */
  async function searched(q: string): Promise<string[]> {
    const res = await new TestClient(t.app, { ip: '198.51.100.82' }).get(
      `/api/v1/search?q=${encodeURIComponent(q)}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as Array<{ id: string }>).map((item) => item.id);
  }

  async function contentJobsThatFailed(): Promise<number> {
    const row = await t.platform.database.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('name', '=', 'search.index_content')
      .where((eb) => eb.or([eb('status', '=', 'failed'), eb('last_error', 'is not', null)]))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  it('finds words that appear only in a PDF slide, an HTML page or a Markdown file', async () => {
    const zip = await makeZip({
      'index.html': html('<h1>Einstieg</h1><p>Heute kochen wir Zwiebel&shy;marmelade &amp; Brot.</p>'),
      'folien.pdf': await makePdf('Quartalsbericht Hochrechnung'),
      'notizen.md': '# Notizen\n\nDer **Kräuterbutterkäse** gehört dazu.',
      'liesmich.txt': 'Ein Wort nur hier: Sauerteigstarter.',
    });
    const id = await createPublishedNano(t, creator, moderator, zip, { title: 'Kochen für Einsteiger' });
    expect(await found('Quartalsbericht')).not.toContain(id);

    await t.platform.jobs.runDue();

    expect(await found('Quartalsbericht')).toEqual([id]);
    expect(await found('Hochrechnung')).toEqual([id]);
    expect(await found('Zwiebelmarmelade')).toEqual([id]);
    expect(await found('Kräuterbutterkäse')).toEqual([id]);
    expect(await found('Sauerteigstarter')).toEqual([id]);
    // Scripts and styles are not text a reader sees.
    expect(await found('skriptwort')).toEqual([]);
    expect(await found('geheimstil')).toEqual([]);
    expect(await searched('Zwiebelmarmelade')).toContain(id);
    expect(await contentJobsThatFailed()).toBe(0);
  });

  it('folds umlauts in content text, so "Ubung" finds "Übung"', async () => {
    const zip = await makeZip({
      'text.md': 'Eine Übungsaufgabe zur Bruchrechnung: Übung macht den Meister.',
    });
    const id = await createPublishedNano(t, creator, moderator, zip, { title: 'Bruchrechnen' });
    await t.platform.jobs.runDue();
    expect(await found('Ubungsaufgabe')).toEqual([id]);
    expect(await found('Übungsaufgabe')).toEqual([id]);
    expect(await searched('Ubungsaufgabe')).toContain(id);
  });

  it('skips a corrupt PDF without failing the job and still indexes the other files', async () => {
    const zip = await makeZip({
      'kaputt.pdf': Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref\n%%EOF\n'),
      'ok.md': 'Hier steht das Wort Pflaumenkompott.',
    });
    const id = await createPublishedNano(t, creator, moderator, zip, { title: 'Kaputte Folien' });
    await t.platform.jobs.runDue();
    expect(await contentJobsThatFailed()).toBe(0);
    expect(await found('Pflaumenkompott')).toEqual([id]);
  });

  it(`takes at most ${SEARCH_LIMITS.contentTextMax} characters of text`, async () => {
    const filler = 'Tabellenblatt '.repeat(Math.ceil(SEARCH_LIMITS.contentTextMax / 14) + 100);
    const zip = await makeZip({
      'a.md': `Anfangsvokabel ${filler}`,
      'b.md': 'Schlussvokabel',
    });
    const id = await createPublishedNano(t, creator, moderator, zip, { title: 'Langer Text' });
    await t.platform.jobs.runDue();
    const [version] = await versionRows(t, id);
    const row = await t.platform.database.db
      .selectFrom('nano_version_texts')
      .select('char_count')
      .where('version_id', '=', version?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(row.char_count).toBeLessThanOrEqual(SEARCH_LIMITS.contentTextMax);
    expect(row.char_count).toBeGreaterThan(SEARCH_LIMITS.contentTextMax - 20);
    expect(await found('Anfangsvokabel')).toEqual([id]);
    expect(await found('Schlussvokabel')).toEqual([]);
  });

  it('forgets the text of a replaced version once a new one is approved', async () => {
    const id = await createPublishedNano(
      t,
      creator,
      moderator,
      await makeZip({ 'v1.md': 'Nur in der ersten Fassung: Rhabarberschorle.' }),
      { title: 'Getränke' },
    );
    await t.platform.jobs.runDue();
    expect(await found('Rhabarberschorle')).toEqual([id]);

    const upload = await uploadZip(
      creator,
      id,
      await makeZip({ 'v2.md': 'Neu in der zweiten Fassung: Holunderblütensirup.' }),
      { fields: { changelog: 'Rezept getauscht' } },
    );
    expect(upload.statusCode, upload.body).toBe(201);
    const approved = await moderator.post(`/api/v1/moderation/nanos/${id}/decision`, APPROVE);
    expect(approved.statusCode, approved.body).toBe(200);
    await t.platform.jobs.runDue();

    expect(await found('Rhabarberschorle')).toEqual([]);
    expect(await found('Holunderblütensirup')).toEqual([id]);
  });

  it('is idempotent and returns quietly for a version that no longer exists', async () => {
    const id = await createPublishedNano(
      t,
      creator,
      moderator,
      await makeZip({ 'x.txt': 'Ein Apfelstrudelrezept.' }),
      { title: 'Strudel' },
    );
    await t.platform.jobs.runDue();
    const [version] = await versionRows(t, id);
    const deps = { db: t.platform.database.db, storage: t.platform.storage, clock: t.clock };
    await indexVersionContent(deps, version?.id ?? '');
    expect(await found('Apfelstrudelrezept')).toEqual([id]);
    await expect(indexVersionContent(deps, '01890000-0000-7000-8000-000000000000')).resolves.toBeUndefined();
  });
});
