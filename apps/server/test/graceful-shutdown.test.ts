import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './cli-runner.ts';

/**
 * SIGTERM while 200 requests are in flight: readiness answers 503 first, every request still gets its
 * complete 2xx answer, then the process exits 0 (issue 10).
 *
 * Deterministic without a test-only route: each request is a real `POST /api/v1/search/clicks` sent
 * with `Expect: 100-continue`. The server answers `100 Continue` once it has parsed the request head,
 * so the test knows all 200 are in flight on the server; it then holds their bodies back until after
 * SIGTERM, after readiness answered 503 and after the listener closed (new connections refused), so
 * they complete while `app.close()` waits for them.
 * The server runs from source (tsx) over embedded PGlite, or over a fresh PostgreSQL database when
 * TEST_DATABASE_URL is set. Timeouts are generous; only the order of events is asserted.
 */

const serverDir = path.resolve(import.meta.dirname, '..');
const REQUESTS = 200;
/** Readiness stays 503 this long before the listener closes (SHUTDOWN_DRAIN_MS). */
const DRAIN_MS = 8_000;
/** serve exits 1 after the drain delay plus this grace period (server.ts SHUTDOWN_GRACE_MS). */
const GRACE_MS = 15_000;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One GET on its own connection (no keep-alive), so it sees what a new client would see. */
function get(port: number, pathname: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: pathname, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

interface HeldRequest {
  /** Resolves once the server has parsed the request head (it answered 100 Continue). */
  started: Promise<void>;
  /** Sends the body; the request can complete from then on. */
  release(): void;
  answer: Promise<Answer>;
}

/** A POST whose body is held back until `release()`, on an `agent` (own connection or keep-alive). */
function heldPost(
  port: number,
  pathname: string,
  body: string,
  csrf: string,
  agent: http.Agent | false,
): HeldRequest {
  let started!: () => void;
  const startedPromise = new Promise<void>((resolve) => {
    started = resolve;
  });
  const request = http.request({
    host: '127.0.0.1',
    port,
    path: pathname,
    method: 'POST',
    agent,
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      expect: '100-continue',
      cookie: `nm_csrf=${csrf}`,
      'x-csrf-token': csrf,
    },
  });
  request.on('continue', () => started());
  const answer = new Promise<Answer>((resolve, reject) => {
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        text += chunk;
      });
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
  request.flushHeaders();
  return { started: startedPromise, release: () => request.end(body), answer };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

/** A fresh PostgreSQL database on TEST_DATABASE_URL (dropped by the returned function), or none. */
async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    return undefined;
  }
  const name = `nano_shutdown_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

describe('graceful shutdown', () => {
  let dataDir: string;
  let database: Awaited<ReturnType<typeof postgresDatabase>>;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'nano-shutdown-'));
    database = await postgresDatabase();
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers readiness 503 first, completes 200 in-flight requests, then exits 0', {
    timeout: 180_000,
  }, async () => {
    const port = await freePort();
    const spawned = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
      cwd: serverDir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        LOG_LEVEL: 'info',
        DATA_DIR: dataDir,
        ...(database ? { DATABASE_URL: database.url } : {}),
        HOST: '127.0.0.1',
        PORT: String(port),
        DEMO_DATA: 'false',
        RATE_LIMIT_PER_MINUTE: '100000',
        SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
      },
    });
    child = spawned;
    let output = '';
    spawned.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    spawned.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const exited = new Promise<{ code: number | null; at: number }>((resolve) => {
      spawned.on('exit', (code) => resolve({ code, at: Date.now() }));
    });

    await waitFor(async () => (await get(port, '/health/ready')).status === 200, 90_000, 'ready');
    const csrf = JSON.parse((await get(port, '/api/v1/auth/csrf')).body).token as string;
    expect(csrf).toBeTruthy();

    // Half on their own connections, half over a few keep-alive connections (pipelined by the agent
    // as sockets free up) — neither may be cut off, and keep-alive must not hold the process open.
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 100 });
    const held = Array.from({ length: REQUESTS }, (_, i) =>
      heldPost(
        port,
        '/api/v1/search/clicks',
        JSON.stringify({ q: `shutdown ${i}`, nanoId: randomUUID(), position: i + 1 }),
        csrf,
        i % 2 === 0 ? false : keepAlive,
      ),
    );
    const finished: number[] = [];
    held.forEach((request, i) => {
      request.answer.then(
        () => finished.push(i),
        () => {},
      );
    });
    await Promise.all(held.map((request) => request.started));
    expect(finished).toHaveLength(0);

    const signalledAt = Date.now();
    spawned.kill('SIGTERM');
    // Readiness goes 503 while all 200 requests are still open on the server.
    let readiness: Answer | undefined;
    await waitFor(
      async () => {
        readiness = await get(port, '/health/ready');
        return readiness.status === 503;
      },
      DRAIN_MS,
      'readiness 503 after SIGTERM',
    );
    expect(JSON.parse(readiness?.body ?? '{}')).toEqual({
      status: 'fail',
      checks: { server: { status: 'fail', error: 'shutting_down' } },
    });
    expect(finished).toHaveLength(0);
    // After the drain delay the listener closes: new connections are refused, while the 200
    // requests are still open — they complete only now, during app.close().
    await waitFor(
      () =>
        get(port, '/health/ready').then(
          () => false,
          (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED',
        ),
      DRAIN_MS + GRACE_MS,
      'listener closed after the drain delay',
    );
    expect(finished).toHaveLength(0);
    expect(spawned.exitCode).toBeNull();

    for (const request of held) {
      request.release();
    }
    const answers = await Promise.all(held.map((request) => request.answer));
    expect(answers.map((a) => a.status)).toEqual(Array(REQUESTS).fill(204));

    const exit = await exited;
    keepAlive.destroy();
    expect(exit.code, output.slice(-3000)).toBe(0);
    expect(exit.at - signalledAt).toBeLessThan(DRAIN_MS + GRACE_MS);
    expect(output).toContain('shut down cleanly');
  });
});
