import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';

/** The app's `/metrics` exports the last backup and drill results from `ops_status` at scrape time. */
describe(`ops metrics (${testDatabaseKind})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const scrape = async () => (await t.app.inject({ method: 'GET', url: '/metrics' })).body;

  it('reports no backup and no successful drill before the first runs', async () => {
    const body = await scrape();
    expect(body).toMatch(/^nano_backup_last_success_timestamp_seconds 0$/m);
    expect(body).toMatch(/^nano_restore_drill_last_success 0$/m);
    expect(body).toMatch(/^nano_restore_drill_last_run_timestamp_seconds 0$/m);
  });

  it('reads the rows written by backup and drill on each scrape', async () => {
    await sql`insert into ops_status (name, ok, at, last_success_at) values
      ('backup', false, '2026-11-27T02:31:00Z', '2026-11-26T02:30:40Z'),
      ('restore_drill', true, '2026-11-22T04:05:00Z', '2026-11-22T04:05:00Z')`.execute(
      t.platform.database.db,
    );
    const body = await scrape();
    // A failed backup keeps the time of the last good one, which the BackupMissing alert watches.
    expect(body).toMatch(/^nano_backup_last_success_timestamp_seconds 1795660240$/m);
    expect(body).toMatch(/^nano_restore_drill_last_success 1$/m);
    expect(body).toMatch(/^nano_restore_drill_last_run_timestamp_seconds 1795320300$/m);
    await sql`update ops_status set ok = false where name = 'restore_drill'`.execute(t.platform.database.db);
    expect(await scrape()).toMatch(/^nano_restore_drill_last_success 0$/m);
  });
});
