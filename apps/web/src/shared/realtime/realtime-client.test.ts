import { CHAT_LIMITS, type ChatMessage } from '@nano/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChatMessage, createMessageId } from '../../testing/chat-factories.ts';
import { FakeWebSocket } from '../../testing/fake-web-socket.ts';
import { ApiError } from '../api/client.ts';
import { RECONNECT_MAX_MS, RECONNECT_MIN_MS, reconnectDelay } from './backoff.ts';
import { FAILURES_BEFORE_POLLING, RealtimeClient, type RealtimeClientOptions } from './realtime-client.ts';
import { realtimeUrl } from './socket.ts';

const HEARTBEAT_MS = CHAT_LIMITS.heartbeatSeconds * 1000;
const chatId = crypto.randomUUID();

function setup(overrides: Partial<RealtimeClientOptions> = {}) {
  const sendOverRest = vi.fn(
    async (id: string, text: string, clientId: string): Promise<ChatMessage> =>
      createChatMessage({ chatId: id, text, clientId }),
  );
  const refreshSession = vi.fn(async () => true);
  const beforeReconnect = vi.fn(async () => undefined);
  const client = new RealtimeClient({
    url: 'ws://localhost/api/v1/ws',
    socketFactory: (url) => new FakeWebSocket(url),
    sendOverRest,
    refreshSession,
    beforeReconnect,
    random: () => 0.5,
    ...overrides,
  });
  const events: string[] = [];
  client.subscribe((event) => events.push(event.type));
  return { client, sendOverRest, refreshSession, beforeReconnect, events };
}

function latest(): FakeWebSocket {
  const socket = FakeWebSocket.latest;
  if (!socket) {
    throw new Error('no socket');
  }
  return socket;
}

/** A connection that opened and heard the server's `ready`. */
function connect(client: RealtimeClient): FakeWebSocket {
  client.start();
  const socket = latest();
  socket.open();
  socket.emit({ type: 'ready', userId: crypto.randomUUID() });
  return socket;
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeWebSocket.reset();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('reconnectDelay', () => {
  it('doubles from 1 s up to 30 s and stays within the bounds whatever the jitter', () => {
    expect(reconnectDelay(0, 0.5)).toBe(1_000);
    expect(reconnectDelay(1, 0.5)).toBe(2_000);
    expect(reconnectDelay(3, 0.5)).toBe(8_000);
    expect(reconnectDelay(20, 0.5)).toBe(30_000);
    for (const attempt of [0, 1, 2, 5, 10, 100]) {
      for (const random of [0, 0.25, 0.999]) {
        const delay = reconnectDelay(attempt, random);
        expect(delay).toBeGreaterThanOrEqual(RECONNECT_MIN_MS);
        expect(delay).toBeLessThanOrEqual(RECONNECT_MAX_MS);
      }
    }
    expect(reconnectDelay(3, 0)).toBeLessThan(reconnectDelay(3, 0.999));
  });
});

describe('RealtimeClient', () => {
  it('connects to the same origin over ws(s)', () => {
    expect(realtimeUrl('https://nano.example')).toBe('wss://nano.example/api/v1/ws');
    expect(realtimeUrl('http://localhost:5173')).toBe('ws://localhost:5173/api/v1/ws');
  });

  it('goes online on open, resumes from nothing and answers pings with pongs', () => {
    const { client, events } = setup();
    expect(client.status).toBe('offline');
    client.start();
    expect(client.status).toBe('connecting');
    const socket = connect(client);

    expect(client.status).toBe('online');
    socket.emit({ type: 'ping' });
    expect(socket.sentEvents).toEqual([
      { type: 'resume', lastMessageId: null },
      { type: 'presence.watch', userIds: [] },
      { type: 'pong' },
    ]);
    expect(events).toEqual(['ready']);
  });

  it('ignores frames that are not JSON or not a known event', () => {
    const { client, events } = setup();
    const socket = connect(client);
    socket.emit('not json');
    socket.emit(JSON.stringify({ type: 'surprise', data: 1 }));
    socket.emit(JSON.stringify({ type: 'message.created', message: { id: 'nope' } }));
    expect(events).toEqual(['ready']);
    expect(client.status).toBe('online');
  });

  it('backs off exponentially after failures and reports polling after three in a row, still retrying', async () => {
    const { client, beforeReconnect } = setup();
    client.start();
    latest().serverClose(1006);
    expect(client.status).toBe('connecting');

    // 1st failure → 2 s, 2nd → 4 s, 3rd → 8 s (random 0.5 = no jitter).
    await vi.advanceTimersByTimeAsync(1_999);
    expect(FakeWebSocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeWebSocket.instances).toHaveLength(2);
    latest().serverClose(1006);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(FakeWebSocket.instances).toHaveLength(3);
    expect(client.status).toBe('connecting');
    latest().serverClose(1006);
    expect(client.status).toBe('polling');
    await vi.advanceTimersByTimeAsync(8_000);
    expect(FakeWebSocket.instances).toHaveLength(4);
    expect(client.status).toBe('polling');
    expect(beforeReconnect).toHaveBeenCalledTimes(3);
    expect(FAILURES_BEFORE_POLLING).toBe(3);

    latest().open();
    expect(client.status).toBe('online');
  });

  it('counts an attempt that never opens as failed', async () => {
    const { client } = setup();
    client.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(latest().closedWith).toBe(1000);
    expect(client.status).toBe('connecting');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('reconnects after a second when a healthy connection drops, without the failure probe', async () => {
    const { client, beforeReconnect } = setup();
    connect(client);
    latest().serverClose(1001);
    expect(client.status).toBe('connecting');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(beforeReconnect).not.toHaveBeenCalled();
  });

  it('takes a silent connection for dead after 2.5 heartbeats and reconnects', async () => {
    const { client } = setup();
    const socket = connect(client);
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS * 2);
    socket.emit({ type: 'ping' });
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS * 2);
    expect(socket.closedWith).toBeUndefined();
    await vi.advanceTimersByTimeAsync(HEARTBEAT_MS * 0.5);
    expect(socket.closedWith).toBe(1000);
    expect(client.status).toBe('connecting');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('resumes with the newest message id seen, from events and acknowledgements', async () => {
    const { client } = setup();
    const socket = connect(client);
    const older = createChatMessage({ chatId, id: createMessageId(1_000) });
    const newer = createChatMessage({ chatId, id: createMessageId(2_000) });
    socket.emit({ type: 'message.created', message: newer });
    socket.emit({ type: 'message.created', message: older });
    expect(client.lastMessageId).toBe(newer.id);

    const sending = client.sendMessage(chatId, 'Danke!', 'client-0001');
    const acked = createChatMessage({
      chatId,
      id: createMessageId(3_000),
      text: 'Danke!',
      clientId: 'client-0001',
    });
    socket.emit({ type: 'ack', clientId: 'client-0001', message: acked });
    await expect(sending).resolves.toEqual(acked);
    expect(client.lastMessageId).toBe(acked.id);

    socket.serverClose(1001);
    await vi.advanceTimersByTimeAsync(1_000);
    latest().open();
    expect(latest().sentEvents[0]).toEqual({ type: 'resume', lastMessageId: acked.id });
  });

  it('delivers a message only once when it arrives twice (resume replay, echo of an ack)', () => {
    const { client, events } = setup();
    const socket = connect(client);
    const message = createChatMessage({ chatId });
    socket.emit({ type: 'message.created', message });
    socket.emit({ type: 'message.created', message });
    socket.emit({ type: 'message.updated', message: { ...message, status: 'visible' } });
    expect(events).toEqual(['ready', 'message.created', 'message.updated']);
  });

  it('sends over the socket when online and over REST otherwise, with the same clientId', async () => {
    const { client, sendOverRest } = setup();
    client.start();
    const overRest = await client.sendMessage(chatId, 'Offline geschrieben', 'client-rest-1');
    expect(sendOverRest).toHaveBeenCalledWith(chatId, 'Offline geschrieben', 'client-rest-1');
    expect(client.lastMessageId).toBe(overRest.id);

    const socket = latest();
    socket.open();
    const sending = client.sendMessage(chatId, 'Online geschrieben', 'client-ws-1');
    expect(socket.sentEvents.at(-1)).toEqual({
      type: 'message.send',
      chatId,
      text: 'Online geschrieben',
      clientId: 'client-ws-1',
    });
    socket.emit({
      type: 'ack',
      clientId: 'client-ws-1',
      message: createChatMessage({ clientId: 'client-ws-1' }),
    });
    await sending;
    expect(sendOverRest).toHaveBeenCalledTimes(1);
  });

  it('falls back to REST with the same clientId when the connection drops before the ack', async () => {
    const { client, sendOverRest } = setup();
    const socket = connect(client);
    const sending = client.sendMessage(chatId, 'Hallo', 'client-lost-1');
    socket.serverClose(1006);
    const message = await sending;
    expect(message.clientId).toBe('client-lost-1');
    expect(sendOverRest).toHaveBeenCalledWith(chatId, 'Hallo', 'client-lost-1');
  });

  it('falls back to REST when no ack comes in time', async () => {
    const { client, sendOverRest } = setup();
    connect(client);
    const sending = client.sendMessage(chatId, 'Hallo', 'client-slow-1');
    await vi.advanceTimersByTimeAsync(10_000);
    await sending;
    expect(sendOverRest).toHaveBeenCalledTimes(1);
  });

  it('rejects a refused send with an ApiError carrying code, status and retry-after', async () => {
    const { client } = setup();
    const socket = connect(client);
    const sending = client.sendMessage(chatId, 'Noch eine', 'client-many-1');
    socket.emit({
      type: 'error',
      clientId: 'client-many-1',
      code: 'chat_rate_limited',
      message: 'Zu viele Nachrichten',
      retryAfterSeconds: 42,
    });
    const error = await sending.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'chat_rate_limited', retryAfterSeconds: 42 });
  });

  it('refreshes the login on 4401 and reconnects only when that worked', async () => {
    const { client, refreshSession } = setup();
    connect(client);
    latest().serverClose(4401);
    await vi.advanceTimersByTimeAsync(0);
    expect(refreshSession).toHaveBeenCalledTimes(1);
    expect(FakeWebSocket.instances).toHaveLength(2);

    refreshSession.mockResolvedValueOnce(false);
    latest().open();
    latest().serverClose(4401);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeWebSocket.instances).toHaveLength(2);
    expect(client.status).toBe('offline');
  });

  it('watches presence of the registered users, again after a reconnect, and forgets it on drop', async () => {
    const { client } = setup();
    const [clara, ben] = [crypto.randomUUID(), crypto.randomUUID()];
    const socket = connect(client);
    const unwatchClara = client.watchPresence([clara]);
    client.watchPresence([clara, ben]);
    await Promise.resolve();
    expect(socket.sentEvents.at(-1)).toEqual({ type: 'presence.watch', userIds: [clara, ben] });
    unwatchClara();
    await Promise.resolve();
    expect(socket.sentEvents.at(-1)).toEqual({ type: 'presence.watch', userIds: [clara, ben] });

    socket.emit({ type: 'presence.changed', userId: ben, online: true });
    expect(client.presence).toEqual({ [ben]: true });

    socket.serverClose(1001);
    expect(client.presence).toEqual({});
    await vi.advanceTimersByTimeAsync(1_000);
    latest().open();
    expect(latest().sentEvents).toContainEqual({ type: 'presence.watch', userIds: [clara, ben] });
  });

  it('stops for good: closes the socket, forgets the resume point and does not reconnect', async () => {
    const { client } = setup();
    const socket = connect(client);
    socket.emit({ type: 'message.created', message: createChatMessage() });
    client.stop();
    expect(socket.closedWith).toBe(1000);
    expect(client.status).toBe('offline');
    expect(client.lastMessageId).toBeNull();
    expect(client.send({ type: 'typing', chatId })).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });
});
