import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { type BuildAppOptions, buildApp } from '../src/app.ts';
import { type AppConfig, loadConfig } from '../src/config.ts';
import { FakeClock } from '../src/platform/clock.ts';
import { createPlatform, type Platform } from '../src/platform/index.ts';
import { createTestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  platform: Platform;
  config: AppConfig;
  clock: FakeClock;
  close(): Promise<void>;
}

const silentLogger = { info: () => {}, warn: () => {}, error: () => {} };

export interface TestAppOptions {
  /**
   * Another instance of the same deployment: the new app shares its database, Redis key prefix and
   * clock (but has its own bus, cache and presence connections), as a second process would.
   * Closing the new app leaves the shared database and keys to the peer.
   */
  peer?: TestApp;
  /** Shorter WebSocket heartbeats and presence checks. */
  realtime?: BuildAppOptions['realtime'];
}

/**
 * The whole application over a fresh database (PGlite, or PostgreSQL with TEST_DATABASE_URL),
 * a temporary object store, the embedded mailer, and Redis with an own key prefix when
 * TEST_REDIS_URL is set. `close()` removes everything it created.
 */
export async function buildTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const { peer } = options;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nano-test-'));
  const redisPrefix = peer?.config.redis?.keyPrefix ?? `test:${randomBytes(6).toString('hex')}:`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: path.join(dataDir, 'no-web-build'),
    ...(process.env.TEST_REDIS_URL
      ? { REDIS_URL: process.env.TEST_REDIS_URL, REDIS_KEY_PREFIX: redisPrefix }
      : {}),
    ...env,
  });
  const database = peer?.platform.database ?? (await createTestDatabase());
  const clock = peer?.clock ?? new FakeClock();
  const platform = await createPlatform(config, { database, clock, logger: silentLogger, migrate: false });
  const app = await buildApp({
    config,
    platform,
    logger: false,
    ...(options.realtime ? { realtime: options.realtime } : {}),
  });
  await app.ready();
  return {
    app,
    platform,
    config,
    clock,
    close: async () => {
      await app.close();
      await platform.close();
      if (peer) {
        await rm(dataDir, { recursive: true, force: true });
        return;
      }
      await database.close();
      if (process.env.TEST_REDIS_URL) {
        await deleteRedisKeys(process.env.TEST_REDIS_URL, redisPrefix);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) {
        await redis.del(...keys);
      }
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
