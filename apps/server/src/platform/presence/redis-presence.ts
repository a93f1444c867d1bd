import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { assertTtl, type Presence } from './presence.ts';

// Every script reads the time from Redis itself, so instances with skewed clocks still agree on
// what has expired. Scores are expiry times in epoch milliseconds; an entry whose score is not in
// the future is dead. The key expires with its newest entry, so a user nobody refreshes leaves no key.
const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

const EXPIRE_WITH_NEWEST = `
local newest = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
if newest[2] then redis.call('PEXPIREAT', key, newest[2]) end
`;

/** KEYS[1] user key; ARGV instance, ttl → live entries before the touch. */
const TOUCH_SCRIPT = `${NOW}
local key = KEYS[1]
redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
local before = redis.call('ZCARD', key)
redis.call('ZADD', key, now + tonumber(ARGV[2]), ARGV[1])
${EXPIRE_WITH_NEWEST}
return before
`;

/** KEYS user keys; ARGV instance, ttl → nothing. */
const REFRESH_SCRIPT = `${NOW}
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now + tonumber(ARGV[2]), ARGV[1])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
  ${EXPIRE_WITH_NEWEST}
end
return 0
`;

/** KEYS[1] user key; ARGV instance → live entries left. */
const LEAVE_SCRIPT = `${NOW}
local key = KEYS[1]
redis.call('ZREM', key, ARGV[1])
redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
return redis.call('ZCARD', key)
`;

/** KEYS user keys → per key, the number of live entries. */
const COUNT_SCRIPT = `${NOW}
local counts = {}
for i, key in ipairs(KEYS) do
  counts[i] = redis.call('ZCOUNT', key, '(' .. now, '+inf')
end
return counts
`;

/** Users per script call: bounds how long one call holds Redis (a heartbeat refreshes every local user). */
const KEYS_PER_CALL = 500;

interface Script {
  source: string;
  sha: string;
}

const script = (source: string): Script => ({
  source,
  sha: createHash('sha1').update(source).digest('hex'),
});

const TOUCH = script(TOUCH_SCRIPT);
const REFRESH = script(REFRESH_SCRIPT);
const LEAVE = script(LEAVE_SCRIPT);
const COUNT = script(COUNT_SCRIPT);

/**
 * The production presence on Redis, shared by every instance: one sorted set per user under
 * `${keyPrefix}presence:<userId>`, member = instance id, score = expiry (ms). Like the Redis cache it
 * does not own `redis`: the caller shares the connection and quits it.
 */
export function createRedisPresence(redis: Redis, keyPrefix: string): Presence {
  const key = (userId: string): string => `${keyPrefix}presence:${userId}`;

  const run = async (which: Script, keys: string[], args: Array<string | number>): Promise<unknown> => {
    try {
      return await redis.evalsha(which.sha, keys.length, ...keys, ...args);
    } catch (error) {
      // The script cache is empty after a Redis restart or failover; EVAL loads it again.
      if (error instanceof Error && error.message.startsWith('NOSCRIPT')) {
        return redis.eval(which.source, keys.length, ...keys, ...args);
      }
      throw error;
    }
  };

  const chunks = <T>(items: readonly T[]): T[][] => {
    const result: T[][] = [];
    for (let start = 0; start < items.length; start += KEYS_PER_CALL) {
      result.push(items.slice(start, start + KEYS_PER_CALL));
    }
    return result;
  };

  return {
    touch: async (userId, instanceId, ttlMs) => {
      assertTtl(ttlMs);
      const before = await run(TOUCH, [key(userId)], [instanceId, ttlMs]);
      return { wasOnline: Number(before) > 0 };
    },

    refresh: async (userIds, instanceId, ttlMs) => {
      assertTtl(ttlMs);
      await Promise.all(chunks(userIds).map((part) => run(REFRESH, part.map(key), [instanceId, ttlMs])));
    },

    leave: async (userId, instanceId) => {
      const left = await run(LEAVE, [key(userId)], [instanceId]);
      return { stillOnline: Number(left) > 0 };
    },

    isOnline: async (userId) => {
      const counts = await run(COUNT, [key(userId)], []);
      return Array.isArray(counts) && Number(counts[0]) > 0;
    },

    onlineOf: async (userIds) => {
      const unique = [...new Set(userIds)];
      const online = new Set<string>();
      for (const part of chunks(unique)) {
        const counts = await run(COUNT, part.map(key), []);
        if (!Array.isArray(counts)) {
          throw new Error(`unexpected reply from the presence count script: ${JSON.stringify(counts)}`);
        }
        part.forEach((userId, index) => {
          if (Number(counts[index]) > 0) {
            online.add(userId);
          }
        });
      }
      return online;
    },
  };
}
