/**
 * A shared key-value cache with expiry, also the store of rate-limit counters.
 * Embedded: in-process memory. Production: Redis, shared by every instance.
 */
export interface Cache {
  get(key: string): Promise<string | null>;
  /** Stores `value`; with `ttlMs` it expires after that many milliseconds. */
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Adds 1 to a fixed-window counter that expires `windowMs` after its first increment, and
   * returns the new count and the milliseconds until the window resets. Atomic across instances.
   */
  increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  /** Throws when the cache is unreachable (readiness check). */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** A handler for messages on one bus channel. */
export type BusHandler = (message: unknown) => void;

/**
 * Publish/subscribe between instances (chat fan-out, cache invalidation).
 * Embedded: in-process. Production: Redis pub/sub. Messages are JSON values; delivery is at-most-once.
 */
export interface Bus {
  publish(channel: string, message: unknown): Promise<void>;
  /** Starts delivering `channel` to `handler`; resolves once the subscription is active. Returns the unsubscribe function. */
  subscribe(channel: string, handler: BusHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
