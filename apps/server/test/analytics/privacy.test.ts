import { createHash, createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashLegacyViewerKeys } from '../../src/db/migrations/0011_analytics.ts';
import { rollupAnalytics } from '../../src/modules/analytics/analytics.rollup.ts';
import { VISITOR_COOKIE } from '../../src/modules/catalog/catalog.routes.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { createUser, signIn, type TestUser } from '../factories.ts';
import { TestClient } from '../http-client.ts';
import { createPublishedNano } from '../nano-fixtures.ts';
import { insertNano } from '../search/search-fixtures.ts';
import { statsOf } from './analytics-fixtures.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Where a view leaves traces: the analytics tables, the catalog's deduplication and the job queue. */
const VIEW_TABLES = [
  'nano_events',
  'nano_views',
  'nano_daily_stats',
  'analytics_salts',
  'analytics_state',
  'jobs',
];

describe(`analytics privacy (${testDatabaseKind})`, () => {
  let t: TestApp;
  let creator: TestUser;
  let reader: TestUser;
  let nanoId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    t.clock.set('2026-03-02T10:00:00.000Z');
    creator = await createUser(t, { role: 'creator' });
    reader = await createUser(t);
    nanoId = await insertNano(t, creator.id, { title: 'Datenschutz im Verein' });
  });
  afterAll(async () => {
    await t.close();
  });

  /** Tables (of `tables`, or all) with a row whose text contains `needle`. */
  async function tablesContaining(needle: string, tables?: string[]): Promise<string[]> {
    const db = t.platform.database.db;
    const names =
      tables ??
      (
        await sql<{ name: string }>`
          select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db)
      ).rows.map((row) => row.name);
    const found: string[] = [];
    for (const name of names) {
      const hit = await sql<{ n: number }>`
        select count(*)::int as n from ${sql.table(name)} as r where r::text like ${`%${needle}%`}`.execute(
        db,
      );
      if (Number(hit.rows[0]?.n) > 0) {
        found.push(name);
      }
    }
    return found;
  }

  async function viewEvents(): Promise<Array<{ viewer_hash: string | null; day: string }>> {
    return t.platform.database.db
      .selectFrom('nano_events')
      .select(['viewer_hash', sql<string>`to_char(day, 'YYYY-MM-DD')`.as('day')])
      .where('nano_id', '=', nanoId)
      .where('kind', '=', 'view')
      .orderBy('id', 'asc')
      .execute();
  }

  async function saltOf(day: string): Promise<string | undefined> {
    const row = await t.platform.database.db
      .selectFrom('analytics_salts')
      .select('salt')
      .where('day', '=', day)
      .executeTakeFirst();
    return row?.salt;
  }

  it('stores a view with the HMAC of the viewer under the day salt, never the user id or visitor cookie', async () => {
    const member = await signIn(t, reader, { ip: '10.60.0.1' });
    const guest = new TestClient(t.app, { ip: '10.60.0.2' });
    for (const client of [member, member, guest, guest]) {
      expect((await client.get(`/api/v1/nanos/${nanoId}`)).statusCode).toBe(200);
    }
    const visitor = guest.cookie(VISITOR_COOKIE);
    expect(visitor).toBeDefined();

    const events = await viewEvents();
    expect(events).toHaveLength(4);
    const salt = await saltOf('2026-03-02');
    expect(salt).toBeDefined();
    const hmac = (key: string) =>
      createHmac('sha256', salt ?? '')
        .update(key)
        .digest('hex');
    expect(events.map((e) => e.viewer_hash)).toEqual([
      hmac(`u:${reader.id}`),
      hmac(`u:${reader.id}`),
      hmac(`v:${visitor}`),
      hmac(`v:${visitor}`),
    ]);
    expect(events.every((e) => e.day === '2026-03-02')).toBe(true);

    // The view counter's deduplication keeps the same hashes: one row per viewer and day.
    const views = await t.platform.database.db
      .selectFrom('nano_views')
      .select('viewer_key')
      .where('nano_id', '=', nanoId)
      .execute();
    expect(views.map((v) => v.viewer_key).sort()).toEqual(
      [hmac(`u:${reader.id}`), hmac(`v:${visitor}`)].sort(),
    );

    expect(await tablesContaining(reader.id, VIEW_TABLES)).toEqual([]);
    expect(await tablesContaining(visitor ?? 'missing')).toEqual([]);
  });

  it('gives the same viewer another hash the next day, and forgets the salt once the day is rolled up', async () => {
    const [firstDay] = await viewEvents();
    t.clock.advance(DAY_MS);
    const member = await signIn(t, reader, { ip: '10.60.0.3' });
    await member.get(`/api/v1/nanos/${nanoId}`);
    const nextDay = (await viewEvents()).at(-1);
    expect(nextDay?.day).toBe('2026-03-03');
    expect(nextDay?.viewer_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(nextDay?.viewer_hash).not.toBe(firstDay?.viewer_hash);
    expect(await saltOf('2026-03-02')).toBeDefined();

    const result = await rollupAnalytics({ db: t.platform.database.db, clock: t.clock });
    expect(result.saltsDeleted).toBe(1);
    expect(await saltOf('2026-03-02')).toBeUndefined();
    // Today's salt stays: the rest of today's views must hash the same.
    expect(await saltOf('2026-03-03')).toBeDefined();
    expect(await statsOf(t, nanoId)).toMatchObject([
      { day: '2026-03-02', views: 4, unique_viewers: 2 },
      { day: '2026-03-03', views: 1, unique_viewers: 1 },
    ]);
  });

  it('records downloads with the counter and without any viewer', async () => {
    const ownerClient = await signIn(t, creator, { ip: '10.60.0.4' });
    const moderator = await signIn(t, await createUser(t, { role: 'moderator' }), { ip: '10.60.0.5' });
    const id = await createPublishedNano(t, ownerClient, moderator);
    const guest = new TestClient(t.app, { ip: '10.60.0.6' });
    expect((await guest.get(`/api/v1/nanos/${id}/download`)).statusCode).toBe(200);
    expect((await guest.get(`/api/v1/nanos/${id}/download`)).statusCode).toBe(200);
    // The owner's own download is neither counted nor recorded.
    expect((await ownerClient.get(`/api/v1/nanos/${id}/download`)).statusCode).toBe(200);
    const events = await t.platform.database.db
      .selectFrom('nano_events')
      .select(['kind', 'viewer_hash'])
      .where('nano_id', '=', id)
      .execute();
    expect(events).toEqual([
      { kind: 'download', viewer_hash: null },
      { kind: 'download', viewer_hash: null },
    ]);
  });

  it('rewrites viewer keys stored before the upgrade so that no user id or cookie remains', async () => {
    const db = t.platform.database.db;
    const old = [`u:${reader.id}`, 'v:Zq3p9VwLm2Rt7YxK', 'v:AbCdEfGhIjKlMnOp'];
    await db
      .insertInto('nano_views')
      .values(old.map((key) => ({ nano_id: nanoId, viewer_key: key, day: '2026-02-20' })))
      .execute();
    await hashLegacyViewerKeys(db);
    const rows = await db
      .selectFrom('nano_views')
      .select('viewer_key')
      .where('nano_id', '=', nanoId)
      .where('day', '=', '2026-02-20')
      .execute();
    const keys = rows.map((row) => row.viewer_key);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
    expect(keys.every((key) => /^[0-9a-f]{64}$/.test(key))).toBe(true);
    // Not a plain hash of the key either, which anyone knowing the user ids could recompute.
    const plain = old.map((key) => createHash('sha256').update(`${key}:2026-02-20`).digest('hex'));
    expect(keys.some((key) => plain.includes(key))).toBe(false);
    expect(await tablesContaining(reader.id, ['nano_views'])).toEqual([]);
    expect(await tablesContaining('Zq3p9VwLm2Rt7YxK')).toEqual([]);
  });
});
