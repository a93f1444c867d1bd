import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliDatabase, runCli } from '../cli-runner.ts';
import { testDatabaseKind } from '../database.ts';

/** `cli retention` against a database of its own (a PGlite directory or a fresh PostgreSQL database). */
describe(`cli retention (${testDatabaseKind})`, () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ env, drop } = await createCliDatabase('nano-retention-cli-'));
  });
  afterAll(async () => {
    await drop();
  });

  it('prints a dry-run report as JSON and a real run as a table', { timeout: 180_000 }, async () => {
    const dry = await runCli(['retention', '--dry-run', '--json'], env);
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

    const real = await runCli(['retention'], env);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toMatch(/^retention run at \S+\n/);
    expect(real.stdout).toMatch(/ {2}unverified_accounts +0 {2}deleted=0/);

    const verify = await runCli(['audit', 'verify'], env);
    expect(verify.code, verify.stderr).toBe(0);
  });
});
