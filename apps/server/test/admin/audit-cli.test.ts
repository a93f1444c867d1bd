import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/index.ts';
import { testDatabaseKind } from '../database.ts';

const serverDir = path.resolve(import.meta.dirname, '../..');

/** Runs the CLI from source with a clean environment plus `env`. */
function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * `cli audit verify` against a database of its own: a PGlite data directory, or a fresh database
 * on the TEST_DATABASE_URL server.
 */
describe(`cli audit verify detects tampering (${testDatabaseKind})`, () => {
  let dataDir: string;
  let env: Record<string, string>;
  let databaseName: string | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'nano-audit-cli-'));
    env = { DATA_DIR: dataDir };
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (serverUrl) {
      databaseName = `nano_cli_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${databaseName}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${databaseName}`;
      env.DATABASE_URL = url.toString();
    }
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (serverUrl && databaseName) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${databaseName} with (force)`);
      await admin.end();
    }
  });

  /** Edits the stored audit log directly, as an intruder with database access would. */
  async function tamper(): Promise<void> {
    const database = await openDatabase(
      env.DATABASE_URL
        ? { kind: 'postgres', url: env.DATABASE_URL, poolMax: 1, statementTimeoutMs: 10_000 }
        : { kind: 'pglite', dataDir: path.join(dataDir, 'db') },
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
    const created = await cli(['admin', 'create', '--email', 'root@example.org', '--username', 'root'], env);
    expect(created.code, created.stderr).toBe(0);
    const intact = await cli(['audit', 'verify'], env);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain('audit chain ok: 1 events');

    await tamper();
    const broken = await cli(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('audit chain broken at seq 1');
  });
});
