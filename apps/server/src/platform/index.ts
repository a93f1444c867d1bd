import { Redis } from 'ioredis';
import type { AppConfig } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createMemoryBus } from './bus/memory-bus.ts';
import { createRedisBus } from './bus/redis-bus.ts';
import { createMemoryCache } from './cache/memory-cache.ts';
import { createRedisCache } from './cache/redis-cache.ts';
import type { Bus, Cache } from './cache.ts';
import { type Clock, systemClock } from './clock.ts';
import { type DatabaseHandle, openConfiguredDatabase } from './db/index.ts';
import { createDatabaseJobQueue } from './jobs/database-job-queue.ts';
import type { JobLogger, JobQueue } from './jobs.ts';
import { createOutboxMailer } from './mail/outbox-mailer.ts';
import { createSmtpMailer } from './mail/smtp-mailer.ts';
import type { Mailer } from './mail.ts';
import { createMemoryPresence } from './presence/memory-presence.ts';
import type { Presence } from './presence/presence.ts';
import { createRedisPresence } from './presence/redis-presence.ts';
import { createLocalStorage } from './storage/local-storage.ts';
import { createS3Storage } from './storage/s3-storage.ts';
import type { ObjectStorage } from './storage.ts';

/** Every piece of infrastructure a process uses, chosen by configuration (ARCHITECTURE A2). */
export interface Platform {
  database: DatabaseHandle;
  storage: ObjectStorage;
  cache: Cache;
  bus: Bus;
  /** Which users hold a WebSocket on which instance (chat presence). */
  presence: Presence;
  mailer: Mailer;
  jobs: JobQueue;
  clock: Clock;
  /** The shared Redis connection when `REDIS_URL` is set (rate limits use it directly). */
  redis: Redis | undefined;
  close(): Promise<void>;
}

export interface PlatformOptions {
  clock?: Clock;
  logger: JobLogger;
  /** An already open database (tests); otherwise one is opened from the config. */
  database?: DatabaseHandle;
  /** Apply pending migrations before anything else uses the database (default true). */
  migrate?: boolean;
}

/**
 * Opens every adapter named by the configuration. Fails fast, closing what was opened, when a
 * required service cannot be reached, so a misconfigured process exits with a clear error.
 */
export async function createPlatform(config: AppConfig, options: PlatformOptions): Promise<Platform> {
  const opened: Array<() => Promise<void>> = [];
  const closeOpened = async () => {
    for (const close of opened.reverse()) {
      await close().catch(() => {});
    }
  };
  try {
    const clock = options.clock ?? systemClock;
    const database =
      options.database ??
      (await openConfiguredDatabase(config).catch((error: unknown) => {
        throw new Error(`Cannot open the database (${config.database.kind}): ${String(error)}`, {
          cause: error,
        });
      }));
    if (!options.database) {
      opened.push(() => database.close());
    }
    if (options.migrate !== false) {
      await migrateToLatest(database.db);
    }

    const storage =
      config.storage.kind === 's3'
        ? createS3Storage(config.storage)
        : createLocalStorage({ rootDir: config.storage.rootDir });
    opened.push(() => storage.close());

    let redis: Redis | undefined;
    let cache: Cache;
    let bus: Bus;
    let presence: Presence;
    if (config.redis) {
      const connection = new Redis(config.redis.url, { maxRetriesPerRequest: 2, lazyConnect: true });
      await connection.connect().catch((error: unknown) => {
        connection.disconnect();
        throw new Error(`Cannot connect to Redis: ${String(error)}`, { cause: error });
      });
      redis = connection;
      opened.push(async () => {
        connection.disconnect();
      });
      cache = createRedisCache(connection, config.redis.keyPrefix);
      bus = createRedisBus(config.redis.url, config.redis.keyPrefix);
      presence = createRedisPresence(connection, config.redis.keyPrefix);
    } else {
      cache = createMemoryCache();
      bus = createMemoryBus();
      presence = createMemoryPresence();
    }
    opened.push(() => cache.close());
    opened.push(() => bus.close());

    const mailer =
      config.mail.kind === 'smtp'
        ? createSmtpMailer({ url: config.mail.url, from: config.mail.from })
        : createOutboxMailer(database.db);
    opened.push(() => mailer.close());

    const jobs = createDatabaseJobQueue({ db: database.db, clock, logger: options.logger });
    opened.push(() => jobs.stop());

    return {
      database,
      storage,
      cache,
      bus,
      presence,
      mailer,
      jobs,
      clock,
      redis,
      close: closeOpened,
    };
  } catch (error) {
    await closeOpened();
    throw error;
  }
}
