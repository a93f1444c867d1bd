import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The bundled server that `npm run build -w @nano/server` produces. */
export const SERVER_CLI = fileURLToPath(new URL('../../apps/server/dist/cli.js', import.meta.url));
/** The PostgreSQL server the bench creates its throw-away database on (any database there works). */
export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 20_000;
const LOG_TAIL_LINES = 40;
/** Far above what one loopback client can send in a minute (the default is 1,200 per client IP). */
const RATE_LIMIT_PER_MINUTE = 1_000_000_000;
/**
 * The server's JWT key in every bench run (`JWT_KEYS`), so scenarios that need thousands of
 * signed-in users can mint their access tokens instead of paying an Argon2id sign-in each.
 */
export const BENCH_JWT_KEY = { id: 'bench', secret: 'bench-only-jwt-key-not-for-production-2026' } as const;

/** Something to undo at the end of the run, newest first. */
type Cleanup = { label: string; run: () => Promise<void> };

/** Resources the run created; `release()` undoes them all, also after a failure or Ctrl-C. */
export class Resources {
  private readonly cleanups: Cleanup[] = [];
  private releasing: Promise<void> | undefined;

  add(label: string, run: () => Promise<void>): void {
    this.cleanups.push({ label, run });
  }

  release(): Promise<void> {
    this.releasing ??= (async () => {
      for (const cleanup of this.cleanups.reverse()) {
        try {
          await cleanup.run();
        } catch (error) {
          process.stderr.write(`bench: could not ${cleanup.label}: ${String(error)}\n`);
        }
      }
    })();
    return this.releasing;
  }
}

/** A fresh, empty directory for DATA_DIR (PGlite files and local object storage). */
export async function createDataDir(resources: Resources): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'nano-bench-'));
  resources.add(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Creates `nano_bench_<random>` on the PostgreSQL server of `serverUrl` and returns its URL. */
export async function createPostgresDatabase(serverUrl: string, resources: Resources): Promise<string> {
  // `pg` is a dependency of @nano/server, hoisted to the workspace root; loaded only for --db postgres.
  const { default: pg } = await import('pg');
  const name = `nano_bench_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  resources.add(`drop database ${name}`, () => admin(`drop database if exists ${name} with (force)`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process in bytes, from /proc/<pid>/status (Linux); undefined elsewhere. */
export function rssBytes(pid: number | undefined): number | undefined {
  if (pid === undefined) {
    return undefined;
  }
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

export interface ServerProcess {
  baseUrl: string;
  pid: number | undefined;
  /** The last lines the server wrote (it logs at warn level), for error messages. */
  logTail(): string;
  /** Rejects when the server exits before `stop()` is called. */
  exited: Promise<never>;
  /** Aborted (with the reason) when the server exits before `stop()` is called. */
  gone: AbortSignal;
  /** Stops the server now (SIGTERM, SIGKILL after a grace period) instead of when the run ends. */
  stop(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  databaseUrl: string | undefined;
  /** Seed the demo accounts and catalogue (default); off for a prepared database such as the generated dataset. */
  demoData?: boolean;
  resources: Resources;
  signal: AbortSignal;
  /** More environment for the server (e.g. `REDIS_URL` for a second instance); wins over the defaults. */
  env?: Record<string, string>;
}

/** Starts `node apps/server/dist/cli.js serve` on a free loopback port and waits for /health/ready. */
export async function startServer({
  dataDir,
  databaseUrl,
  demoData = true,
  resources,
  signal,
  env: extraEnv = {},
}: StartOptions): Promise<ServerProcess> {
  if (!existsSync(SERVER_CLI)) {
    throw new Error(
      `${SERVER_CLI} is missing; build it with \`npm run build -w @nano/server\` (npm run bench does)`,
    );
  }
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    HOST,
    PUBLIC_URL: `http://${HOST}:${port}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
    RUN_JOBS: 'false',
    // One client IP sends everything; the limiter still counts each request but must not answer 429.
    RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT_PER_MINUTE),
    TRUST_PROXY: 'true',
    DEMO_DATA: String(demoData),
    JWT_KEYS: `${BENCH_JWT_KEY.id}=${BENCH_JWT_KEY.secret}`,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    // The shell's OpenTelemetry settings reach the server, to measure what tracing costs.
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('OTEL_'))),
    ...extraEnv,
  };
  const child = spawn(process.execPath, [SERVER_CLI, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - LOG_TAIL_LINES));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let stopping = false;
  const gone = new AbortController();
  const exited = new Promise<never>((_, reject) => {
    const fail = (error: Error) => {
      gone.abort(error);
      reject(error);
    };
    child.once('exit', (code, sig) => {
      if (!stopping) {
        const output = tail.length > 0 ? `; its last output:\n${tail.join('\n')}` : '';
        fail(new Error(`server exited unexpectedly (${sig ?? `code ${code}`})${output}`));
      }
    });
    child.once('error', fail);
  });
  exited.catch(() => {}); // observed by whoever races it
  const stop = async () => {
    stopping = true;
    await stopChild(child);
  };
  resources.add('stop the server', stop);

  const server: ServerProcess = {
    baseUrl: `http://${HOST}:${port}`,
    pid: child.pid,
    logTail: () => tail.join('\n'),
    exited,
    gone: gone.signal,
    stop,
  };
  await Promise.race([waitUntilReady(server.baseUrl, signal), exited]);
  return server;
}

async function waitUntilReady(baseUrl: string, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    signal.throwIfAborted();
    try {
      const response = await fetch(`${baseUrl}/health/ready`, { signal: AbortSignal.timeout(5_000) });
      last = `${response.status} ${await response.text()}`;
      if (response.status === 200) {
        return;
      }
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server not ready within ${READY_TIMEOUT_MS / 1000} s; last answer: ${last}`);
}

/** SIGTERM (the server shuts down gracefully), then SIGKILL after the grace period. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await gone;
  clearTimeout(timer);
}
