import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** `cli retention` against a database of its own (a PGlite directory or a fresh PostgreSQL database). */
describe(`cli retention (${testDatabaseKind})`, () => {
  let dataDir: string;
  let env: Record<string, string>;
  let databaseName: string | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'nano-retention-cli-'));
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

  it('prints a dry-run report as JSON and a real run as a table', { timeout: 180_000 }, async () => {
    const dry = await cli(['retention', '--dry-run', '--json'], env);
    expect(dry.code, dry.stderr).toBe(0);
    const report = JSON.parse(dry.stdout);
    expect(report.dryRun).toBe(true);
    expect(report.jobs.map((job: { job: string }) => job.job)).toEqual([
      'audit_events',
      'archived_nanos',
      'inactive_accounts',
      'data_exports',
      'unverified_accounts',
      'mail_outbox',
    ]);

    const real = await cli(['retention'], env);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toMatch(/^retention run at \S+\n/);
    expect(real.stdout).toMatch(/ {2}unverified_accounts +0 {2}deleted=0/);

    const verify = await cli(['audit', 'verify'], env);
    expect(verify.code, verify.stderr).toBe(0);
  });
});
