import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { artifactPath, repoRoot } from './paths.ts';

const CLI_PATH = path.join(repoRoot, 'apps/server/dist/cli.js');
const WEB_DIST_DIR = path.join(repoRoot, 'apps/web/dist');
const READY_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 10_000;

/** A server process of the built app, on its own port and with its own empty data directory. */
export interface TestServer {
  /** e.g. `http://127.0.0.1:41234`, without a trailing slash. */
  baseUrl: string;
  /** File holding the server's stdout and stderr. */
  logPath: string;
  /** Stops the process and deletes its data directory. */
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') {
          resolve(address.port);
        } else {
          reject(new Error('could not determine a free port'));
        }
      });
    });
  });
}

function logTail(logPath: string): string {
  return readFileSync(logPath, 'utf8').split('\n').slice(-40).join('\n');
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${logTail(logPath)}`,
      );
    }
    const ready = await fetch(`${baseUrl}/health/ready`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) {
      return;
    }
    await sleep(250);
  }
  throw new Error(`server not ready after ${READY_TIMEOUT_MS} ms:\n${logTail(logPath)}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(STOP_TIMEOUT_MS).then(() => true)]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * Starts `node apps/server/dist/cli.js serve` (embedded database, demo data, the built web
 * app) on a free port with a fresh temporary DATA_DIR, and waits for `/health/ready`.
 * The environment is built from scratch so that a DATABASE_URL or REDIS_URL of the shell
 * cannot point a journey at a shared database. Needs `npm run build` first.
 * @param name names the log file: `e2e/artifacts/server-<name>.log`.
 */
export async function startServer(name: string): Promise<TestServer> {
  for (const required of [CLI_PATH, path.join(WEB_DIST_DIR, 'index.html')]) {
    if (!existsSync(required)) {
      throw new Error(`${required} is missing; run \`npm run build\` first`);
    }
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nano-e2e-'));
  const logPath = artifactPath(`server-${name}.log`);
  const log = openSync(logPath, 'w');

  const child = spawn(process.execPath, [CLI_PATH, 'serve'], {
    cwd: repoRoot,
    stdio: ['ignore', log, log],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.tmpdir(),
      TZ: 'UTC',
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      WEB_DIST_DIR,
    },
  });

  const stop = async () => {
    await stopProcess(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(baseUrl, child, logPath);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, logPath, stop };
}
