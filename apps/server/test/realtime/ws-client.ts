import { randomUUID } from 'node:crypto';
import type { ClientEvent, ServerEvent } from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import WebSocket from 'ws';
import type { TestApp } from '../app.ts';
import type { TestClient } from '../http-client.ts';
import { insertNano } from '../search/search-fixtures.ts';

/** How long a test waits for an event or a close before it fails. */
export const WAIT_MS = 5_000;

/** The origin the test apps allow (their public URL's). */
export function allowedOrigin(t: TestApp): string {
  return new URL(t.config.publicUrl).origin;
}

/** Starts listening on a free port of 127.0.0.1 (once) and returns the WebSocket URL of the chat socket. */
export async function wsUrl(t: TestApp): Promise<string> {
  const address = t.app.server.address();
  if (address && typeof address === 'object') {
    return `ws://127.0.0.1:${address.port}/api/v1/ws`;
  }
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return wsUrl(t);
}

/** The Cookie header a browser would send to the socket's path for `client`'s session. */
function cookieHeader(client: TestClient | undefined): string | undefined {
  if (!client) {
    return undefined;
  }
  const pairs = [...client.cookies.entries()]
    .filter(([, cookie]) => '/api/v1/ws'.startsWith(cookie.path))
    .map(([name, cookie]) => `${name}=${encodeURIComponent(cookie.value)}`);
  return pairs.length > 0 ? pairs.join('; ') : undefined;
}

export interface ConnectOptions {
  /** The Origin header; the app's own by default, null for none. */
  origin?: string | null;
  /** Answer `ping` with `pong` (default true). */
  autoPong?: boolean;
  locale?: string;
}

/** A refused upgrade: the HTTP answer the server gave instead of a socket. */
export interface Refusal {
  status: number;
  body: string;
}

/** A connected test socket that records every server event. */
export class WsClient {
  readonly events: ServerEvent[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Array<() => void> = [];

  constructor(
    readonly socket: WebSocket,
    autoPong: boolean,
  ) {
    socket.on('message', (data) => {
      const event = JSON.parse(String(data)) as ServerEvent;
      this.events.push(event);
      if (event.type === 'ping' && autoPong) {
        this.send({ type: 'pong' });
      }
      for (const wake of this.waiters.splice(0)) {
        wake();
      }
    });
    // A socket error ends in a close, which the tests assert on; without a listener it would crash the worker.
    socket.on('error', () => {});
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
  }

  send(event: ClientEvent | Record<string, unknown>): void {
    this.socket.send(JSON.stringify(event));
  }

  sendRaw(data: string | Buffer): void {
    this.socket.send(data);
  }

  /** Events of `type` received so far. */
  all<T extends ServerEvent['type']>(type: T): Array<Extract<ServerEvent, { type: T }>> {
    return this.events.filter((event): event is Extract<ServerEvent, { type: T }> => event.type === type);
  }

  /** Waits for the first event (from the start of the connection) of `type` matching `match`. */
  async next<T extends ServerEvent['type']>(
    type: T,
    match: (event: Extract<ServerEvent, { type: T }>) => boolean = () => true,
    timeoutMs = WAIT_MS,
  ): Promise<Extract<ServerEvent, { type: T }>> {
    const found = await this.waitFor(
      (event) => event.type === type && match(event as Extract<ServerEvent, { type: T }>),
      timeoutMs,
      `"${type}"`,
    );
    return found as Extract<ServerEvent, { type: T }>;
  }

  /** Waits for the first event (from the start of the connection) matching `match`. */
  async waitFor(
    match: (event: ServerEvent) => boolean,
    timeoutMs = WAIT_MS,
    what = 'matching',
  ): Promise<ServerEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(match);
      if (found) {
        return found;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`no ${what} event within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until the server closed the socket, and returns its close code and reason. */
  async waitClosed(timeoutMs = WAIT_MS): Promise<{ code: number; reason: string }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`socket still open after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([this.closed, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes from the client side and waits for the close to complete. */
  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) {
      return;
    }
    this.socket.close(1000);
    await this.closed;
  }
}

/** Opens the chat socket as `client` (signed in, or a guest when undefined). */
export async function tryConnect(
  t: TestApp,
  client: TestClient | undefined,
  options: ConnectOptions = {},
): Promise<WsClient | Refusal> {
  const url = await wsUrl(t);
  const headers: Record<string, string> = { 'accept-language': options.locale ?? 'de' };
  const origin = options.origin === undefined ? allowedOrigin(t) : options.origin;
  if (origin !== null) {
    headers.origin = origin;
  }
  const cookie = cookieHeader(client);
  if (cookie) {
    headers.cookie = cookie;
  }
  const socket = new WebSocket(url, { headers });
  const wsClient = new WsClient(socket, options.autoPong ?? true);
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(wsClient));
    socket.once('unexpected-response', (_request, response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
        socket.terminate();
      });
    });
    socket.on('error', reject);
  });
}

/** Opens the chat socket as `client` and waits for `ready`. */
export async function connect(
  t: TestApp,
  client: TestClient,
  options: ConnectOptions = {},
): Promise<WsClient> {
  const result = await tryConnect(t, client, options);
  if (!(result instanceof WsClient)) {
    throw new Error(`connection refused: ${result.status} ${result.body}`);
  }
  await result.next('ready');
  return result;
}

/**
 * Puts two users into one chat session (about a Nano of `creatorId`), written directly: presence
 * may only be watched between chat partners, and these tests are about presence, not chats.
 */
export async function makeChatPartners(t: TestApp, consumerId: string, creatorId: string): Promise<void> {
  const db = t.platform.database.db;
  const nanoId = await insertNano(t, creatorId, { title: `Presence ${randomUUID()}` });
  const chatId = uuidv7();
  const now = t.clock.now();
  await db
    .insertInto('chat_sessions')
    .values({
      id: chatId,
      nano_id: nanoId,
      consumer_id: consumerId,
      creator_id: creatorId,
      disabled_reason: null,
      disabled_by: null,
      disabled_at: null,
      last_message_at: null,
      last_activity_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('chat_participants')
    .values([
      {
        chat_id: chatId,
        user_id: consumerId,
        role: 'consumer',
        last_read_message_id: null,
        last_read_at: null,
      },
      {
        chat_id: chatId,
        user_id: creatorId,
        role: 'creator',
        last_read_message_id: null,
        last_read_at: null,
      },
    ])
    .execute();
}
