import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/app.ts';
import { TestClient } from '../../../test/http-client.ts';
import { identitySeeder } from '../identity/identity.seed.ts';
import { catalogSeeder } from './catalog.seed.ts';
import { DEMO_NANO_CREATORS } from './demo-content/nanos.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const ZIP_MAX_BYTES = 300 * 1024;

describe('catalog demo seeder', () => {
  let t: TestApp;
  const logger = pino({ level: 'silent' });

  async function seed(): Promise<void> {
    await identitySeeder.run(t.platform, t.config, logger);
    await catalogSeeder.run(t.platform, t.config, logger);
  }

  /** The demo Nanos with their creator and current or open version, as the database holds them. */
  function demoNanos() {
    return t.platform.database.db
      .selectFrom('nanos')
      .innerJoin('users', 'users.id', 'nanos.creator_id')
      .innerJoin('nano_versions', 'nano_versions.nano_id', 'nanos.id')
      .select([
        'nanos.id',
        'nanos.status',
        'nanos.language',
        'nanos.thumbnail_key',
        'nanos.published_at',
        'nanos.view_count',
        'users.username',
        'nano_versions.id as versionId',
        'nano_versions.package_kind',
        'nano_versions.size_bytes',
      ])
      .where('users.username', 'in', [...DEMO_NANO_CREATORS])
      .orderBy('nanos.id')
      .execute();
  }

  beforeAll(async () => {
    t = await buildTestApp();
    await seed();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a varied catalogue: mostly published, some in review, several creators, German and English', async () => {
    const nanos = await demoNanos();
    const count = (predicate: (n: (typeof nanos)[number]) => boolean) => nanos.filter(predicate).length;
    expect(nanos.length).toBeGreaterThanOrEqual(30);
    expect(new Set(nanos.map((n) => n.id)).size).toBe(nanos.length);
    expect(count((n) => n.status === 'published')).toBeGreaterThanOrEqual(25);
    expect(count((n) => n.status === 'pending_review')).toBeGreaterThanOrEqual(3);
    expect(count((n) => n.status === 'changes_requested')).toBe(1);
    expect(count((n) => n.status === 'draft')).toBe(1);
    expect(new Set(nanos.map((n) => n.username)).size).toBeGreaterThanOrEqual(4);
    expect(count((n) => n.language === 'de')).toBeGreaterThanOrEqual(20);
    expect(count((n) => n.language === 'en')).toBeGreaterThanOrEqual(8);
    expect(count((n) => n.package_kind === 'html')).toBeGreaterThanOrEqual(5);
    expect(nanos.every((n) => Number(n.size_bytes) < ZIP_MAX_BYTES)).toBe(true);
  });

  it('gives every Nano a version with a PDF and a stored thumbnail', async () => {
    for (const nano of await demoNanos()) {
      const pdfs = await t.platform.database.db
        .selectFrom('nano_version_files')
        .select('path')
        .where('version_id', '=', nano.versionId)
        .where('kind', '=', 'pdf')
        .execute();
      expect(pdfs, nano.id).toHaveLength(1);
      expect(nano.thumbnail_key, nano.id).not.toBeNull();
      const thumbnail = await t.platform.storage.head(nano.thumbnail_key ?? '');
      expect(thumbnail?.size ?? 0).toBeGreaterThan(0);
    }
  });

  it('spreads publication over the last four months and gives published Nanos an audience', async () => {
    const now = t.clock.now().getTime();
    const published = (await demoNanos()).filter((n) => n.status === 'published');
    const ages = published.map((n) => (now - (n.published_at?.getTime() ?? now)) / DAY_MS);
    expect(Math.min(...ages)).toBeGreaterThan(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(120);
    expect(Math.max(...ages) - Math.min(...ages)).toBeGreaterThan(60);
    expect(published.every((n) => n.view_count > 0)).toBe(true);
  });

  it('shows published Nanos to guests with their PDF, and hides the rest', async () => {
    const guest = new TestClient(t.app);
    for (const nano of await demoNanos()) {
      const detail = await guest.get(`/api/v1/nanos/${nano.id}`);
      if (nano.status !== 'published') {
        expect(detail.statusCode, nano.id).toBe(404);
        continue;
      }
      expect(detail.statusCode, nano.id).toBe(200);
      expect(detail.json()).toMatchObject({
        id: nano.id,
        status: 'published',
        currentVersion: { semver: '1.0.0' },
      });
      const files = await guest.get(`/api/v1/nanos/${nano.id}/files`);
      const pdf = (files.json().items as Array<{ path: string; kind: string }>).find((f) => f.kind === 'pdf');
      const content = await guest.get(`/api/v1/nanos/${nano.id}/content/${pdf?.path ?? ''}`);
      expect(content.statusCode, nano.id).toBe(200);
      expect(content.headers['content-type']).toBe('application/pdf');
      expect(content.body.startsWith('%PDF')).toBe(true);
    }
  });

  it('serves the HTML packages with their entry page at the root', async () => {
    const guest = new TestClient(t.app);
    const html = (await demoNanos()).find((n) => n.package_kind === 'html' && n.status === 'published');
    const page = await guest.get(`/api/v1/nanos/${html?.id}/content/index.html`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<script src="quiz.js"');
    expect((await guest.get(`/api/v1/nanos/${html?.id}/content/quiz.js`)).statusCode).toBe(200);
  });

  it('changes nothing when it runs again', async () => {
    const before = await demoNanos();
    const audit = await t.platform.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await seed();
    expect(await demoNanos()).toEqual(before);
    const auditAfter = await t.platform.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(audit.n));
  });
});
