import { randomUUID } from 'node:crypto';
import type { Locale, ServerEvent } from '@nano/contracts';
import type { WebSocket } from 'ws';
import { REALTIME_LIMITS } from './realtime.constants.ts';
import type { RealtimeContext, RealtimeMetrics } from './realtime.types.ts';

// ws's readyState values (the WebSocket standard's).
const CONNECTING = 0;
const OPEN = 1;

/** What {@link RealtimeConnection.admit} decided about one inbound message. */
export type Admission =
  /** Process it. */
  | 'accept'
  /** Drop it and tell the client, once per window, when it may send again. */
  | { retryAfterSeconds: number }
  /** Drop it silently (the client was told already). */
  | 'drop'
  /** The client floods: close the connection. */
  | 'close';

/** The signed-in user behind a socket. */
export interface ConnectionOwner {
  userId: string;
  sessionId: string;
  locale: Locale;
}

/**
 * One authenticated WebSocket: sends with back-pressure and delivery accounting, counts what the
 * client sends, and runs the client's events one after the other (so `message.send`s are stored in
 * the order they were sent).
 */
export class RealtimeConnection implements RealtimeContext {
  readonly connectionId = randomUUID();
  readonly userId: string;
  readonly sessionId: string;
  readonly locale: Locale;
  /** True once `ready` was sent; events for the user reach the connection from then on. */
  ready = false;
  /** A `ping` was sent and no `pong` has come back yet. */
  awaitingPong = false;
  /** The users whose presence this connection watches. */
  watching: ReadonlySet<string> = new Set();

  private queue: Promise<void> = Promise.resolve();
  private windowStartedAt = 0;
  private windowCount = 0;
  private protocolErrors = 0;

  constructor(
    readonly socket: WebSocket,
    owner: ConnectionOwner,
    private readonly metrics: RealtimeMetrics | undefined,
  ) {
    this.userId = owner.userId;
    this.sessionId = owner.sessionId;
    this.locale = owner.locale;
  }

  get isOpen(): boolean {
    return this.socket.readyState === OPEN;
  }

  send(event: ServerEvent): void {
    this.sendRaw(JSON.stringify(event));
  }

  /** Writes an already serialised event (fan-out serialises once for all sockets of a user). */
  sendRaw(data: string): void {
    if (!this.isOpen) {
      this.metrics?.deliveryFailed('socket_closed');
      return;
    }
    if (this.socket.bufferedAmount > REALTIME_LIMITS.maxBufferedBytes) {
      // A client that does not read would make the server hold its events without bound.
      this.metrics?.deliveryFailed('slow_consumer');
      this.socket.terminate();
      return;
    }
    this.socket.send(data, (error) => {
      if (error) {
        this.metrics?.deliveryFailed('send_error');
      } else {
        this.metrics?.delivered();
      }
    });
  }

  /** Starts the closing handshake; a client that does not answer within the grace period is cut off. */
  close(code: number, reason: string): void {
    const state = this.socket.readyState;
    if (state !== OPEN && state !== CONNECTING) {
      return;
    }
    this.socket.close(code, reason);
    setTimeout(() => this.socket.terminate(), REALTIME_LIMITS.closeGraceMs).unref();
  }

  /** Counts one inbound message against the per-connection window (fixed windows of `inboundWindowMs`). */
  admit(now: number): Admission {
    if (now - this.windowStartedAt >= REALTIME_LIMITS.inboundWindowMs) {
      this.windowStartedAt = now;
      this.windowCount = 0;
    }
    this.windowCount += 1;
    if (this.windowCount <= REALTIME_LIMITS.inboundPerWindow) {
      return 'accept';
    }
    if (this.windowCount >= REALTIME_LIMITS.inboundCloseAt) {
      return 'close';
    }
    if (this.windowCount === REALTIME_LIMITS.inboundPerWindow + 1) {
      const remainingMs = this.windowStartedAt + REALTIME_LIMITS.inboundWindowMs - now;
      return { retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) };
    }
    return 'drop';
  }

  /** Records an invalid message; true when the client has sent too many and must be closed. */
  protocolViolation(): boolean {
    this.protocolErrors += 1;
    return this.protocolErrors >= REALTIME_LIMITS.protocolErrorsBeforeClose;
  }

  /** Runs `task` after every earlier one of this connection; a failure goes to `onError` and the queue goes on. */
  enqueue(task: () => Promise<void>, onError: (error: unknown) => void): void {
    this.queue = this.queue.then(task).catch(onError);
  }
}
