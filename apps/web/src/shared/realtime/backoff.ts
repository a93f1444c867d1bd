/** The first reconnect waits about this long … */
export const RECONNECT_MIN_MS = 1_000;
/** … and no wait is longer than this. */
export const RECONNECT_MAX_MS = 30_000;
/** Each delay is spread by up to ±25 %, so that many clients dropped at once do not return at once. */
export const RECONNECT_JITTER = 0.25;

/**
 * How long to wait before reconnect attempt `attempt` (0 for the first after a drop): doubling
 * from 1 s, capped at 30 s, with jitter; always within 1 s … 30 s.
 * @param random a number in [0, 1), `Math.random()` unless a test fixes it.
 */
export function reconnectDelay(attempt: number, random: number = Math.random()): number {
  const base = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** Math.max(0, attempt));
  const spread = 1 - RECONNECT_JITTER + 2 * RECONNECT_JITTER * random;
  return Math.round(Math.min(RECONNECT_MAX_MS, Math.max(RECONNECT_MIN_MS, base * spread)));
}
