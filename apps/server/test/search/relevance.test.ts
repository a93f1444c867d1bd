import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { insertNano, titles } from './search-fixtures.ts';

describe(`search relevance and query syntax (${testDatabaseKind})`, () => {
  let t: TestApp;
  let guest: TestClient;
  const search = async (params: string) => {
    const res = await guest.get(`/api/v1/search?${params}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await buildTestApp();
    guest = new TestClient(t.app, { ip: '198.51.100.80' });
    const creator = await createUser(t, { role: 'creator', displayName: 'Marlene Quast' });
    const other = await createUser(t, { role: 'creator', displayName: 'Jonas Brenner' });
    await insertNano(t, creator.id, {
      title: 'Pivot-Tabellen in Excel',
      description: 'Auswertungen ohne Formeln.',
      tags: ['Excel', 'Auswertung'],
    });
    await insertNano(t, other.id, {
      title: 'Datenanalyse für Einsteiger',
      description: 'Mit einer Pivot-Auswertung und einer Tabelle kommen Sie schnell zum Ziel.',
      tags: ['Daten'],
    });
    await insertNano(t, other.id, {
      title: 'Übungen zur Gesprächsführung',
      description: 'Schwierige Gespräche sicher führen.',
      tags: ['Kommunikation'],
    });
    await insertNano(t, other.id, {
      title: 'Excel Makros automatisieren',
      description: 'VBA-Makros für wiederkehrende Aufgaben.',
      tags: ['Excel', 'VBA'],
    });
    await insertNano(t, other.id, {
      title: 'Python for data analysis',
      description: 'Pandas basics: reading, filtering and grouping spreadsheets.',
      tags: ['Python', 'Pandas'],
      language: 'en',
    });
    await insertNano(t, other.id, {
      title: 'Café-Kultur im Team',
      description: 'Pausen, die verbinden.',
      tags: ['Teamkultur'],
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('ranks a title match above a description match', async () => {
    const body = await search('q=pivot');
    expect(titles(body)).toEqual(['Pivot-Tabellen in Excel', 'Datenanalyse für Einsteiger']);
  });

  it('stems German: "Tabellen" finds "Tabelle" and "Übung" finds "Übungen"', async () => {
    expect(titles(await search('q=Tabellen'))).toContain('Datenanalyse für Einsteiger');
    expect(titles(await search(`q=${encodeURIComponent('Übung')}`))).toEqual([
      'Übungen zur Gesprächsführung',
    ]);
  });

  it('stems English in English Nanos: "spreadsheet" finds "spreadsheets"', async () => {
    expect(titles(await search('q=spreadsheet'))).toEqual(['Python for data analysis']);
  });

  it('folds umlauts and accents: "Ubung", "Gesprachsfuhrung" and "cafe" match', async () => {
    expect(titles(await search('q=Ubungen'))).toEqual(['Übungen zur Gesprächsführung']);
    expect(titles(await search('q=gesprachsfuhrung'))).toEqual(['Übungen zur Gesprächsführung']);
    expect(titles(await search('q=cafe'))).toEqual(['Café-Kultur im Team']);
  });

  it('supports "phrases", -exclusion and OR', async () => {
    expect(titles(await search(`q=${encodeURIComponent('excel -makros')}`))).toEqual([
      'Pivot-Tabellen in Excel',
    ]);
    expect(titles(await search(`q=${encodeURIComponent('"Excel Makros"')}`))).toEqual([
      'Excel Makros automatisieren',
    ]);
    expect(titles(await search(`q=${encodeURIComponent('"Makros Excel"')}`))).toEqual([]);
    expect(titles(await search(`q=${encodeURIComponent('python OR vba')}`)).sort()).toEqual([
      'Excel Makros automatisieren',
      'Python for data analysis',
    ]);
  });

  it('finds tags, the creator name and category names', async () => {
    expect(titles(await search('q=vba'))).toEqual(['Excel Makros automatisieren']);
    expect(titles(await search('q=Quast'))).toEqual(['Pivot-Tabellen in Excel']);
    expect((await search('q=Lehrmethoden')).total).toBe(6);
    expect((await search(`q=${encodeURIComponent('teaching methods')}`)).total).toBe(6);
  });

  it('corrects typos when few Nanos match: "Exel" → Excel, "Pyhton" → Python', async () => {
    const exel = await search('q=Exel');
    expect(exel.didYouMean).toBe('Excel');
    expect(exel.corrected).toBe(true);
    expect(titles(exel).sort()).toEqual(['Excel Makros automatisieren', 'Pivot-Tabellen in Excel']);
    const python = await search('q=Pyhton');
    expect(python.didYouMean).toBe('Python');
    expect(titles(python)).toEqual(['Python for data analysis']);
    const asTyped = await search('q=Exel&exact=1');
    expect(asTyped).toMatchObject({ total: 0, items: [] });
    expect(asTyped.didYouMean).toBeUndefined();
    const fine = await search('q=excel');
    expect(fine.didYouMean).toBeUndefined();
    const hopeless = await search('q=qqqqxxxx');
    expect(hopeless).toMatchObject({ total: 0, items: [] });
    expect(hopeless.didYouMean).toBeUndefined();
  });

  it('suggests tags and titles for a prefix, at most 8, and refuses one letter', async () => {
    const res = await guest.get('/api/v1/search/suggest?q=ex');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ kind: string; text: string }>;
    expect(items.length).toBeLessThanOrEqual(8);
    expect(items).toContainEqual({ kind: 'tag', text: 'Excel' });
    expect(items.map((i) => i.text)).toContain('Excel Makros automatisieren');
    const inside = await guest.get('/api/v1/search/suggest?q=makro');
    expect(inside.json().items.map((i: { text: string }) => i.text)).toContain('Excel Makros automatisieren');
    const umlaut = await guest.get(`/api/v1/search/suggest?q=${encodeURIComponent('ubu')}`);
    expect(umlaut.json().items.map((i: { text: string }) => i.text)).toContain(
      'Übungen zur Gesprächsführung',
    );
    expect((await guest.get('/api/v1/search/suggest?q=e')).statusCode).toBe(400);
  });
});
