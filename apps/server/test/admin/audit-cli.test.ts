import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/index.ts';
import { createCliDatabase, runCli } from '../cli-runner.ts';
import { testDatabaseKind } from '../database.ts';

/**
 * `cli audit verify` against a database of its own: a PGlite data directory, or a fresh database
 * on the TEST_DATABASE_URL server.
 */
describe(`cli audit verify detects tampering (${testDatabaseKind})`, () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ env, drop } = await createCliDatabase('nano-audit-cli-'));
  });
  afterAll(async () => {
    await drop();
  });

  /** Edits the stored audit log directly, as an intruder with database access would. */
  async function tamper(): Promise<void> {
    const database = await openDatabase(
      env.DATABASE_URL
        ? { kind: 'postgres', url: env.DATABASE_URL, poolMax: 1, statementTimeoutMs: 10_000 }
        : { kind: 'pglite', dataDir: path.join(env.DATA_DIR ?? '', 'db') },
    );
    try {
      await sql`update audit_events set details = '{"role": "moderator"}'::jsonb where seq = 1`.execute(
        database.db,
      );
    } finally {
      await database.close();
    }
  }

  it('exits 0 on an intact chain and 1 with the broken event after an edit', {
    timeout: 180_000,
  }, async () => {
    const created = await runCli(
      ['admin', 'create', '--email', 'root@example.org', '--username', 'root'],
      env,
    );
    expect(created.code, created.stderr).toBe(0);
    const intact = await runCli(['audit', 'verify'], env);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain('audit chain ok: 1 events');

    await tamper();
    const broken = await runCli(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('audit chain broken at seq 1');
  });
});
