import { assertTtl, type Presence } from './presence.ts';

/** Options of the in-process presence. */
export interface MemoryPresenceOptions {
  /** The current time in epoch milliseconds; tests inject a fake one to expire entries without waiting. */
  now?: () => number;
}

/**
 * The embedded presence: per user a Map of instance → expiry, inside this process. Expired entries
 * are dropped whenever their user is read or written; a user's map goes once it is empty, so memory
 * stays bounded by the users connected in the last TTL.
 */
export function createMemoryPresence(options: MemoryPresenceOptions = {}): Presence {
  const now = options.now ?? Date.now;
  const users = new Map<string, Map<string, number>>();

  /** The live entries of `userId` (expired ones removed), or undefined when there are none. */
  const live = (userId: string, at: number): Map<string, number> | undefined => {
    const entries = users.get(userId);
    if (!entries) {
      return undefined;
    }
    for (const [instanceId, expiresAt] of entries) {
      if (expiresAt <= at) {
        entries.delete(instanceId);
      }
    }
    if (entries.size === 0) {
      users.delete(userId);
      return undefined;
    }
    return entries;
  };

  const put = (userId: string, instanceId: string, expiresAt: number): void => {
    const entries = users.get(userId) ?? new Map<string, number>();
    entries.set(instanceId, expiresAt);
    users.set(userId, entries);
  };

  return {
    touch: async (userId, instanceId, ttlMs) => {
      assertTtl(ttlMs);
      const at = now();
      const wasOnline = live(userId, at) !== undefined;
      put(userId, instanceId, at + ttlMs);
      return { wasOnline };
    },

    refresh: async (userIds, instanceId, ttlMs) => {
      assertTtl(ttlMs);
      const expiresAt = now() + ttlMs;
      for (const userId of userIds) {
        put(userId, instanceId, expiresAt);
      }
    },

    leave: async (userId, instanceId) => {
      users.get(userId)?.delete(instanceId);
      return { stillOnline: live(userId, now()) !== undefined };
    },

    isOnline: async (userId) => live(userId, now()) !== undefined,

    onlineOf: async (userIds) => {
      const at = now();
      return new Set(userIds.filter((userId) => live(userId, at) !== undefined));
    },
  };
}
