import type { LegalDocument } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureLegalDocuments, INITIAL_LEGAL_DOCUMENTS } from '../../src/modules/privacy/legal.seed.ts';
import { auditRows, type Signed, signedIn } from '../admin/admin-fixtures.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { TestClient } from '../http-client.ts';

/** A publishable new version of a document. */
function newVersion(overrides: Record<string, unknown> = {}) {
  return {
    title: { de: 'Datenschutzerklärung', en: 'Privacy policy' },
    body: { de: '## Neu\n\nGeänderter Text.', en: '## New\n\nChanged text.' },
    requiresAcceptance: true,
    changeNote: 'Neuer E-Mail-Dienstleister',
    ...overrides,
  };
}

describe(`legal documents (${testDatabaseKind})`, () => {
  let t: TestApp;
  let admin: Signed;
  let moderator: Signed;
  let anonymous: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await signedIn(t, 'admin');
    moderator = await signedIn(t, 'moderator');
    anonymous = new TestClient(t.app, { ip: '10.99.0.1' });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('has version 1 of every document after start, readable by anyone in German and English', async () => {
    for (const kind of ['privacy', 'terms', 'imprint'] as const) {
      const res = await anonymous.get(`/api/v1/legal/${kind}`);
      expect(res.statusCode, res.body).toBe(200);
      const doc = res.json<LegalDocument>();
      expect(doc).toMatchObject({
        kind,
        version: 1,
        title: INITIAL_LEGAL_DOCUMENTS[kind].title,
        requiresAcceptance: kind !== 'imprint',
        changeNote: null,
      });
      expect(doc.body.de.length).toBeGreaterThan(500);
      expect(doc.body.en.length).toBeGreaterThan(500);
    }
    const privacy = (await anonymous.get('/api/v1/legal/privacy')).json<LegalDocument>();
    // Art. 13: controller, DPO, legal bases, recipients, retention, rights, complaint, cookies.
    for (const needle of [
      'Verantwortlicher',
      'Datenschutzbeauftragte',
      'Art. 6 Abs. 1 lit. b',
      'Art. 6 Abs. 1 lit. a',
      'Empfänger',
      'Speicherdauer',
      '7 Jahren',
      'Art. 15',
      'Art. 77',
      'TDDDG',
      'Meine Daten',
    ]) {
      expect(privacy.body.de).toContain(needle);
    }
    expect(privacy.body.en).toContain('Art. 6(1)(f)');
    const imprint = (await anonymous.get('/api/v1/legal/imprint')).json<LegalDocument>();
    expect(imprint.body.de).toContain('§ 5');
  });

  it('answers 404 for an unknown version and 400 for an unknown kind', async () => {
    expect((await anonymous.get('/api/v1/legal/privacy?version=99')).statusCode).toBe(404);
    expect((await anonymous.get('/api/v1/legal/cookies')).statusCode).toBe(400);
  });

  it('inserts the first versions only once', async () => {
    await ensureLegalDocuments(t.platform.database.db, t.clock);
    const rows = await t.platform.database.db
      .selectFrom('legal_documents')
      .select(['kind', 'version'])
      .where('version', '=', 1)
      .execute();
    expect(rows).toHaveLength(3);
  });

  it('lets only admins publish', async () => {
    expect((await anonymous.post('/api/v1/admin/legal/terms', newVersion())).statusCode).toBe(401);
    expect((await moderator.client.post('/api/v1/admin/legal/terms', newVersion())).statusCode).toBe(403);
    expect((await anonymous.get('/api/v1/legal/terms')).json()).toMatchObject({ version: 1 });
  });

  it('publishes the next version, audited; the old one stays readable and the history lists both', async () => {
    t.clock.advance(60_000);
    const res = await admin.client.post(
      '/api/v1/admin/legal/privacy',
      newVersion({ changeNote: 'Neuer E-Mail-Dienstleister' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'privacy',
      version: 2,
      requiresAcceptance: true,
      changeNote: 'Neuer E-Mail-Dienstleister',
      body: { de: '## Neu\n\nGeänderter Text.' },
      publishedAt: t.clock.now().toISOString(),
    });
    expect((await anonymous.get('/api/v1/legal/privacy')).json()).toMatchObject({ version: 2 });
    expect((await anonymous.get('/api/v1/legal/privacy?version=1')).json()).toMatchObject({ version: 1 });

    const history = (await anonymous.get('/api/v1/legal/privacy/versions')).json<{
      items: Array<Record<string, unknown>>;
    }>();
    expect(history.items.map((item) => item.version)).toEqual([2, 1]);
    // The publishing admin has accepted it; everyone else is asked.
    expect((await admin.client.get('/api/v1/auth/me')).json().pendingLegal).toEqual([]);
    expect(history.items[0]).not.toHaveProperty('body');

    const audit = await auditRows(t, { action: 'legal.published' });
    const stored = await t.platform.database.db
      .selectFrom('legal_documents')
      .select('id')
      .where('kind', '=', 'privacy')
      .where('version', '=', 2)
      .executeTakeFirstOrThrow();
    expect(audit.at(-1)).toMatchObject({
      actorId: admin.user.id,
      targetId: stored.id,
      details: { kind: 'privacy', version: 2, requiresAcceptance: true },
    });
  });

  it('never asks to accept an imprint', async () => {
    const res = await admin.client.post(
      '/api/v1/admin/legal/imprint',
      newVersion({ title: { de: 'Impressum', en: 'Imprint' }, requiresAcceptance: true }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, requiresAcceptance: false });
  });

  it('refuses an empty body or an overlong title', async () => {
    const empty = await admin.client.post(
      '/api/v1/admin/legal/terms',
      newVersion({ body: { de: ' ', en: 'x' } }),
    );
    expect(empty.statusCode).toBe(400);
    const long = await admin.client.post(
      '/api/v1/admin/legal/terms',
      newVersion({ title: { de: 'x'.repeat(201), en: 'x' } }),
    );
    expect(long.statusCode).toBe(400);
  });

  it('gives concurrent publishes consecutive versions', async () => {
    const results = await Promise.all(
      [0, 1, 2].map(() => admin.client.post('/api/v1/admin/legal/terms', newVersion())),
    );
    expect(results.map((res) => res.statusCode)).toEqual([201, 201, 201]);
    expect(results.map((res) => res.json<LegalDocument>().version).sort()).toEqual([2, 3, 4]);
    const history = (await anonymous.get('/api/v1/legal/terms/versions')).json<{
      items: Array<{ version: number }>;
    }>();
    expect(history.items.map((item) => item.version)).toEqual([4, 3, 2, 1]);
  });
});
