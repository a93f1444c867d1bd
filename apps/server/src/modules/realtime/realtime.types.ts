import type { ClientEvent, Locale, ServerEvent } from '@nano/contracts';

/** One authenticated WebSocket connection, as a client-event handler sees it. */
export interface RealtimeContext {
  userId: string;
  /** The login session (device) behind the connection. */
  sessionId: string;
  connectionId: string;
  /** The language the client asked for when it connected (for localised texts in events). */
  locale: Locale;
  /** Sends an event to this connection only. */
  send(event: ServerEvent): void;
}

export type ClientEventOf<T extends ClientEvent['type']> = Extract<ClientEvent, { type: T }>;

export type ClientEventHandler<T extends ClientEvent['type']> = (
  context: RealtimeContext,
  event: ClientEventOf<T>,
) => Promise<void>;

/**
 * Of the users `userId` asks to watch (`presence.watch`), the ones whose presence they may see,
 * e.g. the other parties of their chats.
 */
export type PresencePolicy = (userId: string, userIds: readonly string[]) => Promise<readonly string[]>;

/**
 * Real-time delivery to users, across instances (ARCHITECTURE A6): an event published for a user
 * reaches every connection of that user on every instance through the bus. The chat module
 * registers the handlers of the client events it owns (`message.send`, `typing`, `read`, `resume`);
 * the hub itself answers `pong` and `presence.watch`.
 */
export interface RealtimeHub {
  /** Delivers `event` to every open connection of `userId`, on any instance. */
  publishToUser(userId: string, event: ServerEvent): Promise<void>;
  /** Whether the user has an open connection on any live instance. */
  isOnline(userId: string): Promise<boolean>;
  /**
   * Limits `presence.watch` to the users `policy` allows; a watch of anyone else is ignored (no
   * `presence.changed` for them). Without a policy every user's presence can be watched. (Optional
   * so that test doubles of the hub need not implement it; the gateway always does.)
   */
  setPresencePolicy?(policy: PresencePolicy): void;
  /** Handles the client events of `type`; one handler per type. */
  handle<T extends ClientEvent['type']>(type: T, handler: ClientEventHandler<T>): void;
  /** Closes every connection (code 1001) and leaves presence; called when the app closes. */
  close(): Promise<void>;
}

/** Why an event did not reach a socket (label of the delivery-failure counter). */
export const DELIVERY_FAILURE_REASONS = [
  'socket_closed',
  'send_error',
  'slow_consumer',
  'bus_publish',
] as const;
export type DeliveryFailureReason = (typeof DELIVERY_FAILURE_REASONS)[number];

/** What the gateway reports to Prometheus (plugins/metrics.ts implements it). */
export interface RealtimeMetrics {
  connectionOpened(): void;
  connectionClosed(): void;
  /** One event written to one socket. */
  delivered(): void;
  deliveryFailed(reason: DeliveryFailureReason): void;
}
