import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { AppError } from '../../src/errors.ts';
import { createRealtimeHub } from '../../src/modules/realtime/realtime.hub.ts';
import type { DeliveryFailureReason, RealtimeMetrics } from '../../src/modules/realtime/realtime.types.ts';
import { createMemoryBus } from '../../src/platform/bus/memory-bus.ts';
import type { Bus } from '../../src/platform/cache.ts';
import { createMemoryPresence } from '../../src/platform/presence/memory-presence.ts';
import { WsClient } from './ws-client.ts';

const CHAT_ID = '0190a000-0000-7000-8000-00000000c4a7';
const USER_A = '0190a000-0000-7000-8000-00000000000a';
const USER_B = '0190a000-0000-7000-8000-00000000000b';

/** Counts what the hub reports, as Prometheus would. */
function recordingMetrics() {
  const counts = { open: 0, delivered: 0, failures: [] as DeliveryFailureReason[] };
  const metrics: RealtimeMetrics = {
    connectionOpened: () => {
      counts.open += 1;
    },
    connectionClosed: () => {
      counts.open -= 1;
    },
    delivered: () => {
      counts.delivered += 1;
    },
    deliveryFailed: (reason) => {
      counts.failures.push(reason);
    },
  };
  return { counts, metrics };
}

/**
 * The hub on a plain `ws` server (no HTTP app): the test says who connects in the URL, as the
 * route would after checking the cookie.
 */
async function startHub(options: { bus?: Bus } = {}) {
  const bus = options.bus ?? createMemoryBus();
  const presence = createMemoryPresence();
  const { counts, metrics } = recordingMetrics();
  const hub = createRealtimeHub({ bus, presence, metrics, liveSessions: async (ids) => new Set(ids) });
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  server.on('connection', (socket, request) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    hub.accept(socket, {
      userId: url.searchParams.get('user') ?? '',
      sessionId: url.searchParams.get('session') ?? 'session-1',
      locale: url.searchParams.get('locale') === 'en' ? 'en' : 'de',
    });
  });
  const port = (server.address() as { port: number }).port;
  const connect = async (userId: string, locale = 'de'): Promise<WsClient> => {
    const client = new WsClient(
      new WebSocket(`ws://127.0.0.1:${port}/?user=${userId}&locale=${locale}`),
      true,
    );
    await client.next('ready');
    return client;
  };
  const stop = async () => {
    await hub.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await bus.close();
  };
  return { hub, bus, presence, counts, connect, stop };
}

describe('realtime hub: client events', () => {
  let stops: Array<() => Promise<void>> = [];
  const start = async (options?: { bus?: Bus }) => {
    const started = await startHub(options);
    stops.push(started.stop);
    return started;
  };
  afterEach(async () => {
    await Promise.all(stops.map((stop) => stop()));
    stops = [];
  });

  it('dispatches each client event to its handler with the connection as context', async () => {
    const { hub, connect } = await start();
    const seen: Array<{ userId: string; locale: string; chatId: string }> = [];
    hub.handle('typing', async (context, event) => {
      seen.push({ userId: context.userId, locale: context.locale, chatId: event.chatId });
      context.send({ type: 'typing', chatId: event.chatId, userId: context.userId });
    });
    const socket = await connect(USER_A, 'en');
    socket.send({ type: 'typing', chatId: CHAT_ID });
    expect(await socket.next('typing')).toEqual({ type: 'typing', chatId: CHAT_ID, userId: USER_A });
    expect(seen).toEqual([{ userId: USER_A, locale: 'en', chatId: CHAT_ID }]);
  });

  it('handles the events of one connection one after another, in the order they were sent', async () => {
    const { hub, connect } = await start();
    const handled: string[] = [];
    hub.handle('message.send', async (context, event) => {
      // Earlier messages take longer: without the queue they would finish in reverse.
      await sleep(40 - Number(event.clientId.slice(-1)) * 10);
      handled.push(event.clientId);
      context.send({
        type: 'ack',
        clientId: event.clientId,
        message: {
          id: CHAT_ID,
          chatId: CHAT_ID,
          senderId: context.userId,
          text: event.text,
          clientId: event.clientId,
          status: 'visible',
          createdAt: '2026-01-15T09:00:00.000Z',
        },
      });
    });
    const socket = await connect(USER_A);
    for (const n of [0, 1, 2, 3]) {
      socket.send({
        type: 'message.send',
        chatId: CHAT_ID,
        text: `Nachricht ${n}`,
        clientId: `client-000${n}`,
      });
    }
    await socket.next('ack', () => socket.all('ack').length === 4);
    expect(handled).toEqual(['client-0000', 'client-0001', 'client-0002', 'client-0003']);
    expect(socket.all('ack').map((ack) => ack.clientId)).toEqual(handled);
  });

  it('turns what a handler throws into an error event for its sender and goes on', async () => {
    const { hub, connect } = await start();
    hub.handle('message.send', async (_context, event) => {
      if (event.text === 'zu schnell') {
        throw new AppError('rate_limited', { headers: { 'retry-after': '42' } });
      }
      throw new Error('database exploded');
    });
    hub.handle('typing', async (context) => {
      context.send({ type: 'resync' });
    });
    const socket = await connect(USER_A, 'en');
    socket.send({ type: 'message.send', chatId: CHAT_ID, text: 'zu schnell', clientId: 'client-0001' });
    socket.send({ type: 'message.send', chatId: CHAT_ID, text: 'kaputt', clientId: 'client-0002' });
    socket.send({ type: 'typing', chatId: CHAT_ID });
    await socket.next('resync');
    expect(socket.all('error')).toEqual([
      {
        type: 'error',
        clientId: 'client-0001',
        code: 'rate_limited',
        message: 'Too many requests. Please wait a moment.',
        retryAfterSeconds: 42,
      },
      {
        type: 'error',
        clientId: 'client-0002',
        code: 'internal_error',
        message: expect.not.stringContaining('exploded'),
        retryAfterSeconds: null,
      },
    ]);
  });

  it('answers an event nobody handles with bad_request', async () => {
    const { connect } = await start();
    const socket = await connect(USER_A);
    socket.send({ type: 'read', chatId: CHAT_ID, upTo: CHAT_ID });
    expect(await socket.next('error')).toMatchObject({ code: 'bad_request', clientId: null });
  });

  it('answers presence.watch only for the users the presence policy allows', async () => {
    const { hub, connect } = await start();
    const asked: Array<{ userId: string; userIds: readonly string[] }> = [];
    hub.setPresencePolicy(async (userId, userIds) => {
      asked.push({ userId, userIds });
      return userIds.filter((id) => id === USER_B);
    });
    const watcher = await connect(USER_A);
    const stranger = '0190a000-0000-7000-8000-0000000000cc';
    watcher.send({ type: 'presence.watch', userIds: [stranger, USER_B] });
    expect(await watcher.next('presence.changed')).toEqual({
      type: 'presence.changed',
      userId: USER_B,
      online: false,
    });
    const watched = await connect(USER_B);
    await watcher.next('presence.changed', (event) => event.online);
    await connect(stranger);
    await watched.close();
    await watcher.next('presence.changed', () => watcher.all('presence.changed').length === 3);
    expect(watcher.all('presence.changed').map((event) => [event.userId, event.online])).toEqual([
      [USER_B, false],
      [USER_B, true],
      [USER_B, false],
    ]);
    expect(asked).toEqual([{ userId: USER_A, userIds: [stranger, USER_B] }]);
  });

  it('accepts one handler per type and none for the events it answers itself', async () => {
    const { hub } = await start();
    hub.handle('typing', async () => {});
    expect(() => hub.handle('typing', async () => {})).toThrow(/registered already/);
    expect(() => hub.handle('pong', async () => {})).toThrow(/itself/);
    expect(() => hub.handle('presence.watch', async () => {})).toThrow(/itself/);
  });
});

describe('realtime hub: delivery', () => {
  let stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(stops.map((stop) => stop()));
    stops = [];
  });

  it('publishes to a user through the bus and counts every socket write', async () => {
    const started = await startHub();
    stops.push(started.stop);
    const { hub, connect, counts } = started;
    const first = await connect(USER_A);
    const second = await connect(USER_A);
    const other = await connect(USER_B);
    expect(counts.open).toBe(3);
    await hub.publishToUser(USER_A, { type: 'session.updated', chatId: CHAT_ID });
    await first.next('session.updated');
    await second.next('session.updated');
    await hub.publishToUser(USER_B, { type: 'resync' });
    await other.next('resync');
    expect(other.all('session.updated')).toEqual([]);
    // 3 × ready + 2 + 1 events.
    await expect.poll(() => counts.delivered).toBe(6);
    await Promise.all([first.close(), second.close(), other.close()]);
    await expect.poll(() => counts.open).toBe(0);
    expect(counts.failures).toEqual([]);
  });

  it('stops delivering to a user once their last socket closed, and knows them offline', async () => {
    const started = await startHub();
    stops.push(started.stop);
    const { hub, connect } = started;
    const socket = await connect(USER_A);
    expect(await hub.isOnline(USER_A)).toBe(true);
    await socket.close();
    await expect.poll(() => hub.isOnline(USER_A)).toBe(false);
    expect(hub.connectionCount()).toBe(0);
    const again = await connect(USER_A);
    await hub.publishToUser(USER_A, { type: 'resync' });
    await again.next('resync');
    expect(again.all('resync')).toHaveLength(1);
  });

  it('counts a publish the bus refused as a delivery failure and tells the caller', async () => {
    const bus = createMemoryBus();
    const failing: Bus = {
      publish: async () => {
        throw new Error('redis is down');
      },
      subscribe: (channel, handler) => bus.subscribe(channel, handler),
      close: () => bus.close(),
    };
    const started = await startHub({ bus: failing });
    stops.push(started.stop);
    await expect(started.hub.publishToUser(USER_A, { type: 'resync' })).rejects.toThrow('redis is down');
    expect(started.counts.failures).toEqual(['bus_publish']);
  });
});
