import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Cache } from '../cache.ts';

// One round trip that cannot interleave with other clients: the window starts at the first increment
// and is never extended. A key without expiry (stored by set() without TTL, or left by a crash of an
// older version) gets one here, so no counter can live forever.
const INCREMENT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;
const INCREMENT_SHA = createHash('sha1').update(INCREMENT_SCRIPT).digest('hex');

// States in which ioredis would only queue a PING until a reconnect succeeds: readiness must fail fast.
const UNREACHABLE_STATES = new Set(['reconnecting', 'close', 'end']);

/**
 * The production cache on Redis, shared by every instance. Every key is stored under `keyPrefix`
 * (e.g. `nano:cache:`), so several environments can share one Redis.
 *
 * The cache does not own `redis`: the caller may share the connection (e.g. with the rate-limit store)
 * and must `quit()` it after `close()`, which only stops this cache from being used.
 */
export function createRedisCache(redis: Redis, keyPrefix: string): Cache {
  let closed = false;
  const key = (name: string): string => {
    if (closed) {
      throw new Error('cache is closed');
    }
    return `${keyPrefix}${name}`;
  };

  const runIncrement = async (fullKey: string, windowMs: number): Promise<unknown> => {
    try {
      return await redis.evalsha(INCREMENT_SHA, 1, fullKey, windowMs);
    } catch (error) {
      // The script cache is empty after a Redis restart or failover; EVAL loads it again.
      if (error instanceof Error && error.message.startsWith('NOSCRIPT')) {
        return redis.eval(INCREMENT_SCRIPT, 1, fullKey, windowMs);
      }
      throw error;
    }
  };

  return {
    get: async (name) => redis.get(key(name)),

    set: async (name, value, ttlMs) => {
      if (ttlMs === undefined) {
        await redis.set(key(name), value);
        return;
      }
      assertPositiveInteger('ttlMs', ttlMs);
      await redis.set(key(name), value, 'PX', ttlMs);
    },

    delete: async (name) => {
      await redis.del(key(name));
    },

    increment: async (name, windowMs) => {
      assertPositiveInteger('windowMs', windowMs);
      const reply = await runIncrement(key(name), windowMs);
      if (!Array.isArray(reply) || typeof reply[0] !== 'number' || typeof reply[1] !== 'number') {
        throw new Error(`unexpected reply from the increment script: ${JSON.stringify(reply)}`);
      }
      return { count: reply[0], resetInMs: reply[1] };
    },

    check: async () => {
      if (closed) {
        throw new Error('cache is closed');
      }
      if (UNREACHABLE_STATES.has(redis.status)) {
        throw new Error(`redis connection is ${redis.status}`);
      }
      await redis.ping();
    },

    close: async () => {
      closed = true;
    },
  };
}

function assertPositiveInteger(name: string, value: number): void {
  // Checked before the call so a bad value fails with a clear message instead of a Redis syntax error.
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
}
