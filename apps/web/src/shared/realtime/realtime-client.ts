import {
  CHAT_LIMITS,
  type ChatMessage,
  type ClientEvent,
  type ServerEvent,
  serverEventSchema,
  WS_CLOSE_CODES,
} from '@nano/contracts';
import { reconnectDelay } from './backoff.ts';
import { ConnectionLost, errorFromEvent, PendingSends } from './pending-sends.ts';
import { PresenceRegistry } from './presence-registry.ts';
import { SOCKET_OPEN, type SocketFactory, type SocketLike } from './socket.ts';

/** `offline`: signed out (no socket wanted); `polling`: the socket keeps failing, the app polls meanwhile. */
export type RealtimeStatus = 'connecting' | 'online' | 'polling' | 'offline';

/** Failed connection attempts in a row after which the app falls back to polling (and keeps retrying). */
export const FAILURES_BEFORE_POLLING = 3;
/** A connection that has heard nothing for this many heartbeat intervals is taken for dead. */
export const SILENCE_HEARTBEATS = 2.5;
/** An attempt that has not opened after this long counts as failed. */
export const CONNECT_TIMEOUT_MS = 10_000;
/** A message sent over the socket without an answer after this long is sent again over REST (same clientId). */
export const ACK_TIMEOUT_MS = 10_000;
/** How many delivered message ids are remembered to drop a second delivery of the same message. */
export const SEEN_IDS_MAX = 2_000;

const NORMAL_CLOSURE = 1000;
/** What the browser reports when a connection broke without a close frame (also: refused upgrade). */
const ABNORMAL_CLOSURE = 1006;

/** What the client needs besides the socket: the REST fallback and the session refresh. */
export interface RealtimeClientOptions {
  /** `ws(s)://…/api/v1/ws`. */
  url: string;
  socketFactory: SocketFactory;
  /** `POST /chats/{id}/messages`: used while the socket is not online, and when an ack does not come. */
  sendOverRest: (chatId: string, text: string, clientId: string) => Promise<ChatMessage>;
  /** Renews the login after the server closed with 4401; true when there is a fresh session. */
  refreshSession: () => Promise<boolean>;
  /**
   * Runs before a reconnect that follows a failed attempt (errors ignored): an authenticated REST call
   * renews an expired access token, since a refused upgrade looks like any other failure to the browser.
   */
  beforeReconnect?: () => Promise<unknown>;
  /** In [0, 1); `Math.random` unless a test fixes it. */
  random?: () => number;
  /** The server's heartbeat interval. */
  heartbeatMs?: number;
}

/**
 * The chat's real-time connection (framework-free; the provider wraps it for React). Connects
 * to the server's WebSocket, answers its pings, reconnects with exponential backoff and jitter,
 * reports `polling` after repeated failures, resumes with the newest message id it has seen,
 * re-sends the watched presence ids, and drops a second delivery of the same message.
 */
export class RealtimeClient {
  readonly #options: RealtimeClientOptions;
  readonly #random: () => number;
  readonly #heartbeatMs: number;
  #status: RealtimeStatus = 'offline';
  #stopped = true;
  #socket: SocketLike | undefined;
  /** Whether the current socket has delivered anything (a healthy connection, not a refused one). */
  #heard = false;
  #failures = 0;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #connectTimer: ReturnType<typeof setTimeout> | undefined;
  #silenceTimer: ReturnType<typeof setTimeout> | undefined;
  #lastMessageId: string | null = null;
  readonly #seen = new Set<string>();
  readonly #pending = new PendingSends();
  readonly #eventListeners = new Set<(event: ServerEvent) => void>();
  readonly #statusListeners = new Set<() => void>();
  // Rows of a list register one by one while rendering; one `presence.watch` covers them all.
  readonly #presence = new PresenceRegistry(() => this.#sendPresenceWatch());

  constructor(options: RealtimeClientOptions) {
    this.#options = options;
    this.#random = options.random ?? Math.random;
    this.#heartbeatMs = options.heartbeatMs ?? CHAT_LIMITS.heartbeatSeconds * 1000;
  }

  /** The connection's state now. */
  get status(): RealtimeStatus {
    return this.#status;
  }

  /** The newest message id seen (events and acknowledgements); sent with `resume` on every (re)connect. */
  get lastMessageId(): string | null {
    return this.#lastMessageId;
  }

  /** Connects (for the signed-in user); does nothing when already started. */
  start(): void {
    if (!this.#stopped) {
      return;
    }
    this.#stopped = false;
    this.#failures = 0;
    this.#connect();
  }

  /** Disconnects for good (signed out) and forgets the user's state: resume id, seen ids, presence. */
  stop(): void {
    this.#stopped = true;
    this.#clearTimers();
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket) {
      this.#detach(socket);
      socket.close(NORMAL_CLOSURE);
    }
    this.#pending.failAll();
    this.#lastMessageId = null;
    this.#seen.clear();
    this.#presence.clear();
    this.#setStatus('offline');
  }

  /** Tries at once instead of waiting out the backoff (the browser is back online, the tab is visible again). */
  reconnectNow(): void {
    if (this.#stopped || this.#socket) {
      return;
    }
    clearTimeout(this.#reconnectTimer);
    this.#connect();
  }

  /** Listens to every server event (except pings). Returns the unsubscribe function. */
  subscribe(listener: (event: ServerEvent) => void): () => void {
    this.#eventListeners.add(listener);
    return () => {
      this.#eventListeners.delete(listener);
    };
  }

  /** Listens to status changes (for `useSyncExternalStore`). */
  onStatusChange = (listener: () => void): (() => void) => {
    this.#statusListeners.add(listener);
    return () => {
      this.#statusListeners.delete(listener);
    };
  };

  /** Sends a client event when online; false when it could not be sent. */
  send(event: ClientEvent): boolean {
    const socket = this.#socket;
    if (this.#status !== 'online' || socket?.readyState !== SOCKET_OPEN) {
      return false;
    }
    socket.send(JSON.stringify(event));
    return true;
  }

  /**
   * Sends a chat message: over the socket when online (resolving with the acknowledged message),
   * otherwise — or when the connection drops before the ack — over REST with the same `clientId`,
   * which the server treats as the same message.
   * @throws ApiError with the problem's code and status (429 carries `retryAfterSeconds`).
   */
  async sendMessage(chatId: string, text: string, clientId: string): Promise<ChatMessage> {
    const pending = this.#pending.get(clientId);
    if (pending) {
      return pending;
    }
    if (this.#status === 'online' && this.#socket?.readyState === SOCKET_OPEN) {
      try {
        return await this.#sendOverSocket(chatId, text, clientId);
      } catch (error) {
        if (!(error instanceof ConnectionLost)) {
          throw error;
        }
      }
    }
    const message = await this.#options.sendOverRest(chatId, text, clientId);
    this.#noteMessage(message);
    return message;
  }

  /**
   * Registers interest in these users' presence (sent as `presence.watch` now and after every
   * reconnect). Returns the function that withdraws it.
   */
  watchPresence(userIds: readonly string[]): () => void {
    return this.#presence.watch(userIds);
  }

  /** Who is online as far as the server has said since this connection opened (unknown ids are missing). */
  get presence(): Readonly<Record<string, boolean>> {
    return this.#presence.state;
  }

  /** Listens to presence changes (for `useSyncExternalStore`). */
  onPresenceChange = (listener: () => void): (() => void) => this.#presence.onChange(listener);

  #connect(): void {
    this.#reconnectTimer = undefined;
    this.#setStatus(this.#failures >= FAILURES_BEFORE_POLLING ? 'polling' : 'connecting');
    let socket: SocketLike;
    try {
      socket = this.#options.socketFactory(this.#options.url);
    } catch {
      this.#dropped(ABNORMAL_CLOSURE);
      return;
    }
    this.#socket = socket;
    this.#heard = false;
    this.#connectTimer = setTimeout(() => this.#abandon(socket), CONNECT_TIMEOUT_MS);
    socket.onopen = () => {
      if (socket !== this.#socket) {
        return;
      }
      clearTimeout(this.#connectTimer);
      this.#setStatus('online');
      this.#armSilenceTimer(socket);
      socket.send(
        JSON.stringify({ type: 'resume', lastMessageId: this.#lastMessageId } satisfies ClientEvent),
      );
      this.#sendPresenceWatch();
    };
    socket.onmessage = (event) => {
      if (socket !== this.#socket) {
        return;
      }
      this.#heard = true;
      this.#failures = 0;
      this.#armSilenceTimer(socket);
      this.#receive(event.data);
    };
    socket.onclose = (event) => {
      if (socket === this.#socket) {
        this.#dropped(event.code);
      }
    };
    // A failed connection is followed by `close`, which decides what happens next.
    socket.onerror = () => {};
  }

  /** Gives up on a socket that did not open in time or fell silent. */
  #abandon(socket: SocketLike): void {
    if (socket !== this.#socket) {
      return;
    }
    this.#detach(socket);
    socket.close(NORMAL_CLOSURE);
    this.#dropped(WS_CLOSE_CODES.timeout);
  }

  #detach(socket: SocketLike): void {
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
  }

  #dropped(code: number): void {
    this.#socket = undefined;
    clearTimeout(this.#connectTimer);
    clearTimeout(this.#silenceTimer);
    this.#pending.failAll();
    this.#presence.clear();
    if (this.#stopped) {
      return;
    }
    if (code === WS_CLOSE_CODES.unauthorized) {
      this.#setStatus('connecting');
      void this.#refreshAndReconnect();
      return;
    }
    if (!this.#heard) {
      this.#failures += 1;
    }
    this.#setStatus(this.#failures >= FAILURES_BEFORE_POLLING ? 'polling' : 'connecting');
    const failed = this.#failures > 0;
    this.#reconnectTimer = setTimeout(
      () => void this.#reconnect(failed),
      reconnectDelay(this.#failures, this.#random()),
    );
  }

  async #reconnect(afterFailure: boolean): Promise<void> {
    if (afterFailure && this.#options.beforeReconnect) {
      await this.#options.beforeReconnect().catch(() => undefined);
    }
    if (!this.#stopped && !this.#socket) {
      this.#connect();
    }
  }

  /** 4401: the login ended or the access token expired; reconnect only with a fresh session. */
  async #refreshAndReconnect(): Promise<void> {
    const refreshed = await this.#options.refreshSession().catch(() => false);
    if (this.#stopped || this.#socket) {
      return;
    }
    if (!refreshed) {
      this.stop();
      return;
    }
    this.#failures = 0;
    this.#connect();
  }

  #armSilenceTimer(socket: SocketLike): void {
    clearTimeout(this.#silenceTimer);
    this.#silenceTimer = setTimeout(() => this.#abandon(socket), this.#heartbeatMs * SILENCE_HEARTBEATS);
  }

  #receive(data: unknown): void {
    if (typeof data !== 'string') {
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = serverEventSchema.safeParse(json);
    if (!parsed.success) {
      return;
    }
    const event = parsed.data;
    switch (event.type) {
      case 'ping':
        this.#socket?.send(JSON.stringify({ type: 'pong' } satisfies ClientEvent));
        return;
      case 'ack':
        this.#noteMessage(event.message);
        this.#pending.resolve(event.clientId, event.message);
        break;
      case 'error':
        if (event.clientId !== null) {
          this.#pending.reject(event.clientId, errorFromEvent(event));
        }
        break;
      case 'message.created':
        if (this.#seen.has(event.message.id)) {
          return;
        }
        this.#noteMessage(event.message);
        break;
      case 'message.updated':
        this.#noteMessage(event.message);
        break;
      case 'presence.changed':
        this.#presence.set(event.userId, event.online);
        break;
      default:
        break;
    }
    for (const listener of this.#eventListeners) {
      listener(event);
    }
  }

  #sendOverSocket(chatId: string, text: string, clientId: string): Promise<ChatMessage> {
    const answer = this.#pending.add(clientId, ACK_TIMEOUT_MS);
    this.#socket?.send(
      JSON.stringify({ type: 'message.send', chatId, text, clientId } satisfies ClientEvent),
    );
    return answer;
  }

  /** Remembers a message for dedupe and as the resume point (ids are UUIDv7: later ids sort higher). */
  #noteMessage(message: ChatMessage): void {
    this.#seen.add(message.id);
    if (this.#seen.size > SEEN_IDS_MAX) {
      const oldest = this.#seen.values().next().value;
      if (oldest !== undefined) {
        this.#seen.delete(oldest);
      }
    }
    if (this.#lastMessageId === null || message.id > this.#lastMessageId) {
      this.#lastMessageId = message.id;
    }
  }

  #sendPresenceWatch(): void {
    this.send({ type: 'presence.watch', userIds: this.#presence.userIds });
  }

  #setStatus(status: RealtimeStatus): void {
    if (status === this.#status) {
      return;
    }
    this.#status = status;
    for (const listener of this.#statusListeners) {
      listener();
    }
  }

  #clearTimers(): void {
    clearTimeout(this.#reconnectTimer);
    clearTimeout(this.#connectTimer);
    clearTimeout(this.#silenceTimer);
    this.#reconnectTimer = undefined;
  }
}
