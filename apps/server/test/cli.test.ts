import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './cli-runner.ts';

const serverDir = path.resolve(import.meta.dirname, '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from source (tsx) with a clean environment plus `env`. */
function cli(args: string[], env: Record<string, string>): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<Run>((resolve) => {
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) {
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('condition not met in time');
}

describe('command line', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'nano-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('exits with a list of every bad variable', async () => {
    const { done } = cli(['serve'], { PORT: 'eighty', REDIS_URL: 'http://x', NODE_ENV: 'production' });
    const run = await done;
    expect(run.code).toBe(78);
    expect(run.stderr).toContain('Invalid configuration');
    expect(run.stderr).toContain('PORT');
    expect(run.stderr).toContain('REDIS_URL');
  });

  it('refuses production with the default secret', async () => {
    const run = await cli(['serve'], { NODE_ENV: 'production' }).done;
    expect(run.code).toBe(78);
    expect(run.stderr).toContain('SESSION_SECRET: must be set to a secret of your own in production');
  });

  it('exits non-zero with a clear error when the database is unreachable at start-up', async () => {
    const port = await freePort();
    const run = await cli(['serve'], {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/none`,
      DATA_DIR: dataDir,
    }).done;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Cannot open the database (postgres)');
  });

  it('prints the usage for an unknown command', async () => {
    const run = await cli(['fly'], {}).done;
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Unknown command: fly');
  });

  it('migrates, serves, and shuts down cleanly on SIGTERM', { timeout: 90_000 }, async () => {
    const migrated = await cli(['migrate'], { DATA_DIR: dataDir }).done;
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toContain('0001_foundation');
    const again = await cli(['migrate'], { DATA_DIR: dataDir }).done;
    expect(again.stdout).toContain('database is up to date');

    const port = await freePort();
    const { child, done } = cli(['serve'], { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health/ready`)).ok, 30_000);
    const categories = await fetch(`http://127.0.0.1:${port}/api/v1/categories`);
    expect(categories.status).toBe(200);
    child.kill('SIGTERM');
    const run = await done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('shut down cleanly');
  });

  it('runs the worker with health probes and metrics on WORKER_PORT, and stops it on SIGTERM', {
    timeout: 90_000,
  }, async () => {
    const port = await freePort();
    const { child, done } = cli(['worker'], {
      DATA_DIR: dataDir,
      WORKER_PORT: String(port),
      HOST: '127.0.0.1',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(async () => (await fetch(`${base}/health/ready`)).ok, 30_000);
    expect(await (await fetch(`${base}/health/live`)).json()).toEqual({ status: 'ok' });
    const ready = (await (await fetch(`${base}/health/ready`)).json()) as { checks: Record<string, unknown> };
    expect(Object.keys(ready.checks).sort()).toEqual(['database', 'storage']);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/^job_queue_jobs\{state="queued"\} \d+$/m);
    expect(metrics).toMatch(/^process_resident_memory_bytes \d+/m);
    // Only operations endpoints: no API, no web app.
    expect((await fetch(`${base}/api/v1/categories`)).status).toBe(404);
    child.kill('SIGTERM');
    const run = await done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('worker running background jobs');
    expect(run.stdout).toContain('shut down cleanly');
  });
});

describe('staff command line', () => {
  it('creates an admin, prints a one-time password once, and refuses a duplicate', {
    timeout: 60_000,
  }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nano-cli-admin-'));
    try {
      const first = await cli(['admin', 'create', '--email', 'boss@example.org', '--username', 'boss'], {
        DATA_DIR: dataDir,
      }).done;
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/One-time password[^\n]*\n\S{20,}\n/);
      const again = await cli(['admin', 'create', '--email', 'boss@example.org', '--username', 'boss'], {
        DATA_DIR: dataDir,
      }).done;
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('already exists');
      const verify = await cli(['audit', 'verify'], { DATA_DIR: dataDir }).done;
      expect(verify.stdout).toContain('audit chain ok: 1 events');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
