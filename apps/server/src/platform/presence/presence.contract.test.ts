import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryPresence } from './memory-presence.ts';
import type { Presence } from './presence.ts';
import { createRedisPresence } from './redis-presence.ts';

interface PresenceUnderTest {
  presence: Presence;
  /** Lets `ms` milliseconds pass: a fake clock for memory, real time for Redis. */
  advance(ms: number): Promise<void>;
  /** The Redis keys this run holds (Redis only). */
  keys: (() => Promise<Array<{ key: string; ttlMs: number }>>) | undefined;
  teardown(): Promise<void>;
}

interface Implementation {
  name: string;
  /** Why the suite cannot run here, or undefined when it can. */
  skipReason: string | undefined;
  create(): Promise<PresenceUnderTest>;
}

const redisUrl = process.env.TEST_REDIS_URL;

const implementations: Implementation[] = [
  {
    name: 'memory',
    skipReason: undefined,
    create: async () => {
      let now = Date.parse('2026-01-15T09:00:00.000Z');
      return {
        presence: createMemoryPresence({ now: () => now }),
        advance: async (ms) => {
          now += ms;
        },
        keys: undefined,
        teardown: async () => {},
      };
    },
  },
  {
    name: 'redis',
    skipReason: redisUrl ? undefined : 'set TEST_REDIS_URL to run against Redis',
    create: async () => {
      const redis = new Redis(requireValue(redisUrl, 'TEST_REDIS_URL'));
      const keyPrefix = `test:${randomBytes(6).toString('hex')}:`;
      const listKeys = async () => {
        const found: Array<{ key: string; ttlMs: number }> = [];
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 500);
          cursor = next;
          for (const key of keys) {
            found.push({ key: key.slice(keyPrefix.length), ttlMs: await redis.pttl(key) });
          }
        } while (cursor !== '0');
        return found;
      };
      return {
        presence: createRedisPresence(redis, keyPrefix),
        advance: async (ms) => {
          await sleep(ms);
        },
        keys: listKeys,
        teardown: async () => {
          const left = await listKeys();
          if (left.length > 0) {
            await redis.del(...left.map((entry) => `${keyPrefix}${entry.key}`));
          }
          await redis.quit();
        },
      };
    },
  },
];

// Short enough for real Redis expiry, with a margin that survives a busy machine.
const TTL_MS = 150;
const PAST_TTL_MS = TTL_MS + 150;
const LONG_TTL_MS = 60_000;

let sequence = 0;
/** A fresh user id per use, so the tests of one suite never see each other's entries. */
function userId(): string {
  sequence += 1;
  return `0190a000-0000-7000-8000-${String(sequence).padStart(12, '0')}`;
}

describe.each(implementations)('presence contract: $name', ({ name, skipReason, create }) => {
  if (skipReason) {
    it.skip(skipReason, () => undefined);
    return;
  }

  let subject: PresenceUnderTest;
  beforeAll(async () => {
    subject = await create();
  });
  afterAll(async () => {
    await subject.teardown();
  });

  it('knows a user as online from the first touch until the last instance leaves', async () => {
    const { presence } = subject;
    const user = userId();
    expect(await presence.isOnline(user)).toBe(false);
    expect(await presence.touch(user, 'instance-a', LONG_TTL_MS)).toEqual({ wasOnline: false });
    expect(await presence.isOnline(user)).toBe(true);
    expect(await presence.touch(user, 'instance-b', LONG_TTL_MS)).toEqual({ wasOnline: true });
    expect(await presence.leave(user, 'instance-a')).toEqual({ stillOnline: true });
    expect(await presence.isOnline(user)).toBe(true);
    expect(await presence.leave(user, 'instance-b')).toEqual({ stillOnline: false });
    expect(await presence.isOnline(user)).toBe(false);
    expect(await presence.touch(user, 'instance-a', LONG_TTL_MS)).toEqual({ wasOnline: false });
    await presence.leave(user, 'instance-a');
  });

  it('treats leaving twice, or leaving an instance that never touched, as nothing', async () => {
    const { presence } = subject;
    const user = userId();
    expect(await presence.leave(user, 'instance-a')).toEqual({ stillOnline: false });
    await presence.touch(user, 'instance-a', LONG_TTL_MS);
    expect(await presence.leave(user, 'instance-b')).toEqual({ stillOnline: true });
    expect(await presence.leave(user, 'instance-a')).toEqual({ stillOnline: false });
    expect(await presence.leave(user, 'instance-a')).toEqual({ stillOnline: false });
  });

  it('expires the entries of an instance that stopped refreshing, and only those', async () => {
    const { presence, advance } = subject;
    const alone = userId();
    const shared = userId();
    await presence.touch(alone, 'dying', TTL_MS);
    await presence.touch(shared, 'dying', TTL_MS);
    await presence.touch(shared, 'healthy', LONG_TTL_MS);
    await advance(PAST_TTL_MS);
    expect(await presence.isOnline(alone)).toBe(false);
    expect(await presence.isOnline(shared)).toBe(true);
    // The expired entry does not count as "online before", and leaving the live one ends presence.
    expect(await presence.touch(alone, 'healthy', LONG_TTL_MS)).toEqual({ wasOnline: false });
    expect(await presence.leave(shared, 'healthy')).toEqual({ stillOnline: false });
    await presence.leave(alone, 'healthy');
  });

  it('keeps entries alive while their instance refreshes them', async () => {
    const { presence, advance } = subject;
    const users = [userId(), userId()];
    const untouched = userId();
    for (const user of users) {
      await presence.touch(user, 'instance-a', TTL_MS);
    }
    await presence.touch(untouched, 'instance-a', TTL_MS);
    for (let beat = 0; beat < 3; beat++) {
      await advance(TTL_MS / 2);
      await presence.refresh(users, 'instance-a', TTL_MS);
    }
    expect([...(await presence.onlineOf([...users, untouched]))].sort()).toEqual([...users].sort());
    await advance(PAST_TTL_MS);
    expect(await presence.onlineOf(users)).toEqual(new Set());
  });

  it('answers for many users at once, duplicates and unknown ones included', async () => {
    const { presence } = subject;
    const users = Array.from({ length: 1_200 }, () => userId());
    const online = users.filter((_, index) => index % 3 === 0);
    await presence.refresh(online, 'instance-a', LONG_TTL_MS);
    const answer = await presence.onlineOf([...users, users[0] ?? '', userId()]);
    expect(answer).toEqual(new Set(online));
    expect(await presence.onlineOf([])).toEqual(new Set());
    await presence.refresh([], 'instance-a', LONG_TTL_MS);
    for (const user of online) {
      await presence.leave(user, 'instance-a');
    }
    expect(await presence.onlineOf(online)).toEqual(new Set());
  });

  it('rejects a TTL that is not a positive whole number of milliseconds', async () => {
    const { presence } = subject;
    const user = userId();
    await expect(presence.touch(user, 'instance-a', 0)).rejects.toThrow(RangeError);
    await expect(presence.touch(user, 'instance-a', 1.5)).rejects.toThrow(RangeError);
    await expect(presence.refresh([user], 'instance-a', -1)).rejects.toThrow(RangeError);
    expect(await presence.isOnline(user)).toBe(false);
  });

  it.runIf(name === 'redis')(
    'stores one key per online user under the prefix, expiring with its entries',
    async () => {
      const listKeys = requireValue(subject.keys, 'keys');
      const user = userId();
      await subject.presence.touch(user, 'instance-a', LONG_TTL_MS);
      await subject.presence.touch(user, 'instance-b', LONG_TTL_MS);
      const entry = (await listKeys()).find((each) => each.key === `presence:${user}`);
      expect(entry?.ttlMs).toBeGreaterThan(LONG_TTL_MS - 5_000);
      expect(entry?.ttlMs).toBeLessThanOrEqual(LONG_TTL_MS);
      await subject.presence.leave(user, 'instance-a');
      await subject.presence.leave(user, 'instance-b');
      expect((await listKeys()).some((each) => each.key === `presence:${user}`)).toBe(false);
    },
  );
});

function requireValue<T>(value: T | undefined, name: string): T {
  if (value === undefined || value === '') {
    throw new Error(`${name} is not set`);
  }
  return value;
}
