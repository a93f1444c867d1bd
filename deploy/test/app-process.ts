import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../apps/server/test/cli-runner.ts';

/** A port nobody listens on right now (the OS picks it). */
export { freePort };

/** The repository root (deploy/test/ is two levels below). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI_PATH = path.join(repoRoot, 'apps/server/dist/cli.js');
const WEB_DIST_DIR = path.join(repoRoot, 'apps/web/dist');

/** The password of the demo accounts (`DEMO_PASSWORD`'s default). */
export const DEMO_PASSWORD = 'Demo-Passwort-2026!';

/** The last lines of a log file, for failure messages. */
export function logTail(logPath: string, lines = 40): string {
  return existsSync(logPath) ? readFileSync(logPath, 'utf8').split('\n').slice(-lines).join('\n') : '';
}

/** Stops a child with SIGTERM, SIGKILL after `graceMs`. */
export async function stopProcess(child: ChildProcess | undefined, graceMs = 15_000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Polls `probe` until it returns true; throws with `describe()` after `timeoutMs`. */
export async function waitFor(
  probe: () => Promise<boolean>,
  timeoutMs: number,
  describe: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) {
      return;
    }
    await sleep(250);
  }
  throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`);
}

/** A running instance of the built server. */
export interface AppProcess {
  port: number;
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  logPath: string;
  child: ChildProcess;
}

/** Fails with a hint when `npm run build` has not produced the server bundle and the web app. */
export function requireBuild(): void {
  for (const required of [CLI_PATH, path.join(WEB_DIST_DIR, 'index.html')]) {
    if (!existsSync(required)) {
      throw new Error(`${required} is missing; run \`npm run build\` before \`npm run test:ops\``);
    }
  }
}

/**
 * Starts `node apps/server/dist/cli.js serve` on a free loopback port with `env` on top of a
 * minimal environment (a DATABASE_URL of the shell never leaks in), and waits for /health/ready.
 */
export async function startApp(
  name: string,
  logDir: string,
  env: Record<string, string>,
): Promise<AppProcess> {
  requireBuild();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logPath = path.join(logDir, `app-${name}.log`);
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
      WEB_DIST_DIR,
      ...env,
    },
  });
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`app ${name} exited (${child.exitCode ?? child.signalCode}):\n${logTail(logPath)}`);
      }
      if (Date.now() > deadline) {
        throw new Error(`app ${name} not ready after 120 s:\n${logTail(logPath)}`);
      }
      const ready = await fetch(`${baseUrl}/health/ready`).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ready) {
        break;
      }
      await sleep(250);
    }
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
  return { port, baseUrl, logPath, child };
}
