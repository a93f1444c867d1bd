import type { Cache } from '../cache.ts';

/** Options of the in-process cache. */
export interface MemoryCacheOptions {
  /** The current time in epoch milliseconds; tests inject a fake one to expire entries without waiting. */
  now?: () => number;
}

interface Entry {
  value: string;
  /** Epoch milliseconds after which the entry no longer exists; `null` keeps it until deleted. */
  expiresAt: number | null;
}

// Lazy expiry alone would keep keys that are written once and never read again (rate-limit counters of
// one-off visitors), so a sweep bounds the memory they hold.
const SWEEP_INTERVAL_MS = 60_000;

/**
 * The embedded cache: a Map with per-key expiry inside this process. It mirrors the Redis cache's
 * semantics (SET replaces the TTL, INCR keeps it) so code behaves the same in both modes, but it is not
 * shared between processes.
 */
export function createMemoryCache(options: MemoryCacheOptions = {}): Cache {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let closed = false;

  const isExpired = (entry: Entry, at: number): boolean => entry.expiresAt !== null && entry.expiresAt <= at;

  const read = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && isExpired(entry, now())) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const sweep = setInterval(() => {
    const at = now();
    for (const [key, entry] of entries) {
      if (isExpired(entry, at)) {
        entries.delete(key);
      }
    }
  }, SWEEP_INTERVAL_MS);
  // The sweep is housekeeping only; it must not keep a finished process (or test worker) alive.
  sweep.unref();

  return {
    get: async (key) => read(key)?.value ?? null,

    set: async (key, value, ttlMs) => {
      if (ttlMs !== undefined) {
        assertPositiveInteger('ttlMs', ttlMs);
      }
      entries.set(key, { value, expiresAt: ttlMs === undefined ? null : now() + ttlMs });
    },

    delete: async (key) => {
      entries.delete(key);
    },

    increment: async (key, windowMs) => {
      assertPositiveInteger('windowMs', windowMs);
      const at = now();
      const entry = read(key);
      if (!entry) {
        entries.set(key, { value: '1', expiresAt: at + windowMs });
        return { count: 1, resetInMs: windowMs };
      }
      if (!/^-?\d+$/.test(entry.value)) {
        throw new Error(`cache value of "${key}" is not an integer`);
      }
      const count = Number.parseInt(entry.value, 10) + 1;
      entry.value = String(count);
      // Same as the Redis script: a key stored without expiry gets the window on its next increment.
      if (entry.expiresAt === null) {
        entry.expiresAt = at + windowMs;
      }
      return { count, resetInMs: entry.expiresAt - at };
    },

    check: async () => {
      if (closed) {
        throw new Error('cache is closed');
      }
    },

    close: async () => {
      closed = true;
      clearInterval(sweep);
      entries.clear();
    },
  };
}

function assertPositiveInteger(name: string, value: number): void {
  // Redis rejects PX/PEXPIRE values that are not positive integers; failing here too keeps both modes alike.
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
}
