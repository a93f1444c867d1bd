import type { ClientEvent, ServerEvent } from '@nano/contracts';

/** One authenticated WebSocket connection, as a client-event handler sees it. */
export interface RealtimeContext {
  userId: string;
  /** The login session (device) behind the connection. */
  sessionId: string;
  connectionId: string;
  /** Sends an event to this connection only. */
  send(event: ServerEvent): void;
}

export type ClientEventOf<T extends ClientEvent['type']> = Extract<ClientEvent, { type: T }>;

export type ClientEventHandler<T extends ClientEvent['type']> = (
  context: RealtimeContext,
  event: ClientEventOf<T>,
) => Promise<void>;

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
  /** Handles the client events of `type`; one handler per type. */
  handle<T extends ClientEvent['type']>(type: T, handler: ClientEventHandler<T>): void;
  /** Closes every connection (code 1001) and leaves presence; called when the app closes. */
  close(): Promise<void>;
}
