/**
 * Who is connected, across instances: per user, the set of instances that hold a WebSocket of
 * theirs, each entry with an expiry. An instance refreshes its entries on every heartbeat; one that
 * dies stops refreshing and its entries expire, so presence heals without anyone saying goodbye.
 * Embedded: in-process memory. Production: Redis (a sorted set per user, score = expiry in ms).
 */
export interface Presence {
  /**
   * Records that `instanceId` holds a connection of `userId` for the next `ttlMs` milliseconds.
   * `wasOnline` tells whether the user had a live entry (on any instance) before this call.
   */
  touch(userId: string, instanceId: string, ttlMs: number): Promise<{ wasOnline: boolean }>;
  /** Extends the entries of `instanceId` for every user in `userIds` by `ttlMs` (one round trip). */
  refresh(userIds: readonly string[], instanceId: string, ttlMs: number): Promise<void>;
  /**
   * Removes the entry of `instanceId` for `userId` (its last connection there closed).
   * `stillOnline` tells whether another instance still holds a live entry.
   */
  leave(userId: string, instanceId: string): Promise<{ stillOnline: boolean }>;
  /** Whether the user has a live entry on any instance. */
  isOnline(userId: string): Promise<boolean>;
  /** The subset of `userIds` that is online. */
  onlineOf(userIds: readonly string[]): Promise<Set<string>>;
}

/** Throws unless `ttlMs` is a positive whole number of milliseconds (as Redis PEXPIRE requires). */
export function assertTtl(ttlMs: number): void {
  if (!Number.isInteger(ttlMs) || ttlMs <= 0) {
    throw new RangeError(`ttlMs must be a positive integer, got ${ttlMs}`);
  }
}
