import { CHAT_LIMITS } from '@nano/contracts';

/** Limits the gateway enforces on every connection, named once. */
export const REALTIME_LIMITS = {
  /** Client messages one connection may send per window; further ones are dropped with an `error` event. */
  inboundPerWindow: 30,
  inboundWindowMs: 10_000,
  /** A connection that sends this many messages within one window is flooding: closed with 4400. */
  inboundCloseAt: 60,
  /** Invalid messages (not JSON, unknown type, invalid fields) a connection may send before it is closed with 4400. */
  protocolErrorsBeforeClose: 5,
  /** A socket with more than this many bytes still to write reads too slowly: it is cut off. */
  maxBufferedBytes: 1024 * 1024,
  /** How long a socket may take to finish the closing handshake before it is cut off. */
  closeGraceMs: 2_000,
} as const;

/**
 * The heartbeat visits the connections in slices about this far apart (25 slices for a 25 s
 * heartbeat), so 5,000 pings, their pongs and the presence refresh do not all land in one tick.
 */
export const HEARTBEAT_SLICE_MS = 1_000;

/** The gateway's timers. Production uses the defaults; tests shorten them (real timers, not the app clock). */
export interface RealtimeTimings {
  /** The server sends `ping` this often; a connection that has not answered the previous one is closed (4408). */
  heartbeatMs: number;
  /** How long a presence entry lives without a refresh; an instance that died drops out after this. */
  presenceTtlMs: number;
  /** How often the presence of watched users is re-read, to notice instances that died without a goodbye. */
  presenceCheckMs: number;
  /** Every this many heartbeats the login sessions behind the connections are checked (revoked → 4401). */
  sessionCheckEveryBeats: number;
}

const HEARTBEAT_MS = CHAT_LIMITS.heartbeatSeconds * 1000;

/**
 * Heartbeat 25 s; presence entries live two heartbeats, and watched users are re-read every 20 s,
 * so a user of a crashed instance is shown offline within about 70 s; sessions are re-checked
 * every 4 heartbeats (100 s).
 */
export const DEFAULT_REALTIME_TIMINGS: RealtimeTimings = {
  heartbeatMs: HEARTBEAT_MS,
  presenceTtlMs: 2 * HEARTBEAT_MS,
  presenceCheckMs: 20_000,
  sessionCheckEveryBeats: 4,
};

/** The bus channel carrying a user's server events to every instance that holds a connection of theirs. */
export const userChannel = (userId: string): string => `rt:user:${userId}`;

/** The bus channel announcing a user's presence changes to the instances whose clients watch them. */
export const presenceChannel = (userId: string): string => `rt:presence:${userId}`;
