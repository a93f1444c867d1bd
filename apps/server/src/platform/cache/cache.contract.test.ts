import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cache } from '../cache.ts';
import { createMemoryCache } from './memory-cache.ts';
import { createRedisCache } from './redis-cache.ts';

interface CacheUnderTest {
  cache: Cache;
  /** Lets `ms` milliseconds pass: a fake clock for memory, real time for Redis. */
  advance(ms: number): Promise<void>;
  teardown(): Promise<void>;
}

interface Implementation {
  name: string;
  /** Why the suite cannot run here, or undefined when it can. */
  skipReason: string | undefined;
  create(): Promise<CacheUnderTest>;
}

const redisUrl = process.env.TEST_REDIS_URL;

const implementations: Implementation[] = [
  {
    name: 'memory',
    skipReason: undefined,
    create: async () => {
      let now = Date.parse('2026-01-15T09:00:00.000Z');
      const cache = createMemoryCache({ now: () => now });
      return {
        cache,
        advance: async (ms) => {
          now += ms;
        },
        teardown: () => cache.close(),
      };
    },
  },
  {
    name: 'redis',
    skipReason: redisUrl ? undefined : 'set TEST_REDIS_URL to run against Redis',
    create: async () => {
      const redis = new Redis(requireValue(redisUrl, 'TEST_REDIS_URL'));
      const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
      const cache = createRedisCache(redis, keyPrefix);
      return {
        cache,
        advance: async (ms) => {
          await sleep(ms);
        },
        teardown: async () => {
          await cache.close();
          await deleteKeys(redis, keyPrefix);
          await redis.quit();
        },
      };
    },
  },
];

// Short enough for real Redis expiry, with a margin that survives a busy machine.
const TTL_MS = 100;
const PAST_TTL_MS = TTL_MS + 150;

describe.each(implementations)('cache contract: $name', ({ skipReason, create }) => {
  if (skipReason) {
    it.skip(skipReason, () => undefined);
    return;
  }

  let subject: CacheUnderTest;
  beforeAll(async () => {
    subject = await create();
  });
  afterAll(async () => {
    await subject.teardown();
  });

  it('stores, overwrites and deletes values', async () => {
    const { cache } = subject;
    expect(await cache.get('greeting')).toBeNull();
    await cache.set('greeting', 'Grüß Gott');
    expect(await cache.get('greeting')).toBe('Grüß Gott');
    await cache.set('greeting', 'Moin');
    expect(await cache.get('greeting')).toBe('Moin');
    await cache.delete('greeting');
    expect(await cache.get('greeting')).toBeNull();
    await expect(cache.delete('never-set')).resolves.toBeUndefined();
  });

  it('expires a value after its TTL and keeps one without TTL', async () => {
    const { cache, advance } = subject;
    await cache.set('short', 'a', TTL_MS);
    await cache.set('forever', 'b');
    await cache.set('made-permanent', 'c', TTL_MS);
    await cache.set('made-permanent', 'd');
    expect(await cache.get('short')).toBe('a');
    await advance(PAST_TTL_MS);
    expect(await cache.get('short')).toBeNull();
    expect(await cache.get('forever')).toBe('b');
    expect(await cache.get('made-permanent')).toBe('d');
  });

  it('counts within a fixed window that does not move with later increments', async () => {
    const { cache, advance } = subject;
    const first = await cache.increment('counter', 60_000);
    expect(first.count).toBe(1);
    expect(first.resetInMs).toBeGreaterThan(0);
    expect(first.resetInMs).toBeLessThanOrEqual(60_000);
    await advance(20);
    const second = await cache.increment('counter', 60_000);
    expect(second.count).toBe(2);
    expect(second.resetInMs).toBeLessThan(first.resetInMs);
    expect(await cache.get('counter')).toBe('2');
  });

  it('starts a new count once the window is over', async () => {
    const { cache, advance } = subject;
    expect((await cache.increment('window', TTL_MS)).count).toBe(1);
    await advance(PAST_TTL_MS);
    const next = await cache.increment('window', TTL_MS);
    expect(next.count).toBe(1);
    expect(next.resetInMs).toBeGreaterThan(0);
    expect(next.resetInMs).toBeLessThanOrEqual(TTL_MS);
  });

  it('gives 100 concurrent increments the counts 1 to 100 exactly once', async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, () => subject.cache.increment('concurrent', 60_000)),
    );
    const counts = results.map((result) => result.count).sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
  });

  it('rejects incrementing a value that is not a counter', async () => {
    await subject.cache.set('text', 'kein Zähler');
    await expect(subject.cache.increment('text', 1_000)).rejects.toThrow();
    expect(await subject.cache.get('text')).toBe('kein Zähler');
  });

  it('rejects a TTL or window that is not a positive whole number of milliseconds', async () => {
    await expect(subject.cache.set('bad', 'x', 0)).rejects.toThrow(RangeError);
    await expect(subject.cache.set('bad', 'x', 1.5)).rejects.toThrow(RangeError);
    await expect(subject.cache.increment('bad', -1)).rejects.toThrow(RangeError);
    expect(await subject.cache.get('bad')).toBeNull();
  });

  it('passes the readiness check', async () => {
    await expect(subject.cache.check()).resolves.toBeUndefined();
  });
});

function requireValue(value: string | undefined, name: string): string {
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

/** Leaves the shared Redis as it was: removes every key this run created. */
async function deleteKeys(redis: Redis, keyPrefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 100);
    if (keys.length > 0) {
      await redis.del(...keys);
    }
    cursor = next;
  } while (cursor !== '0');
}
