import { randomUUID } from 'node:crypto';
import type { ChatMessage } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { createUser, signIn } from '../factories.ts';
import type { TestClient } from '../http-client.ts';
import { createPublishedNano } from '../nano-fixtures.ts';
import { connect, makeChatPartners, type WsClient } from './ws-client.ts';

const TIMINGS = { heartbeatMs: 500, presenceTtlMs: 2_000, presenceCheckMs: 250, sessionCheckEveryBeats: 4 };

/**
 * Two app instances on one PostgreSQL database and one Redis (key prefix, bus and presence shared),
 * as two processes behind a load balancer. Without TEST_REDIS_URL and TEST_DATABASE_URL "both"
 * instances are the same app, so the chat-over-WebSocket tests still run embedded.
 */
const twoInstances = Boolean(process.env.TEST_REDIS_URL && process.env.TEST_DATABASE_URL);

const clientId = (): string => `c-${randomUUID()}`;

describe(twoInstances ? 'real-time chat across two instances' : 'real-time chat (one instance)', () => {
  let a: TestApp;
  let b: TestApp;
  let creator: TestClient;
  let nanoId: string;

  beforeAll(async () => {
    a = await buildTestApp({}, { realtime: TIMINGS });
    b = twoInstances ? await buildTestApp({}, { peer: a, realtime: TIMINGS }) : a;
    const moderator = await signIn(a, await createUser(a, { role: 'moderator' }));
    creator = await signIn(a, await createUser(a, { role: 'creator' }));
    nanoId = await createPublishedNano(a, creator, moderator);
  });
  afterAll(async () => {
    if (b !== a) {
      await b.close();
    }
    await a.close();
  });

  /** A new consumer with an open chat about the Nano (their own rate-limit budget). */
  async function consumerWithChat(): Promise<{ consumer: TestClient; userId: string; chatId: string }> {
    const user = await createUser(a);
    const consumer = await signIn(a, user);
    const opened = await consumer.post('/api/v1/chats', { nanoId });
    expect(opened.statusCode, opened.body).toBe(201);
    return { consumer, userId: user.id, chatId: opened.json().chat.id as string };
  }

  /** Sends over the socket and waits for the acknowledgement or the error of this message. */
  async function send(socket: WsClient, chatId: string, text: string) {
    const id = clientId();
    socket.send({ type: 'message.send', chatId, text, clientId: id });
    const answer = await socket.waitFor(
      (event) => (event.type === 'ack' || event.type === 'error') && event.clientId === id,
    );
    if (answer.type === 'ack') {
      return { ack: answer, error: undefined };
    }
    if (answer.type === 'error') {
      return { ack: undefined, error: answer };
    }
    throw new Error(`unexpected answer ${answer.type}`);
  }

  it.runIf(twoInstances)(
    'delivers an event published on instance A to a client connected to instance B',
    async () => {
      const user = await createUser(a);
      const onB = await connect(b, await signIn(a, user));
      const chatId = randomUUID();
      await a.platform.bus.publish(`rt:user:${user.id}`, { type: 'session.updated', chatId });
      expect(await onB.next('session.updated')).toEqual({ type: 'session.updated', chatId });
      await onB.close();
    },
  );

  it.runIf(twoInstances)('shows presence across instances', async () => {
    const watcherUser = await createUser(a);
    const watchedUser = await createUser(a);
    await makeChatPartners(a, watcherUser.id, watchedUser.id);
    const watcher = await connect(a, await signIn(a, watcherUser));
    watcher.send({ type: 'presence.watch', userIds: [watchedUser.id] });
    await watcher.next('presence.changed', (event) => !event.online);
    const watched = await connect(b, await signIn(a, watchedUser));
    await watcher.next('presence.changed', (event) => event.online);
    await watched.close();
    await watcher.next('presence.changed', () => watcher.all('presence.changed').length === 3);
    expect(watcher.all('presence.changed').map((event) => event.online)).toEqual([false, true, false]);
    await watcher.close();
  });

  it('acknowledges a message sent over the socket and delivers it to the recipient on the other instance', async () => {
    const { consumer, userId, chatId } = await consumerWithChat();
    const consumerSocket = await connect(a, consumer);
    const creatorSocket = await connect(b, creator);
    const { ack } = await send(consumerSocket, chatId, 'Hallo! Gibt es den Nano auch auf Englisch? 🙂');
    expect(ack?.message).toMatchObject({
      chatId,
      senderId: userId,
      text: 'Hallo! Gibt es den Nano auch auf Englisch? 🙂',
      status: 'visible',
    });
    const created = await creatorSocket.next(
      'message.created',
      (event) => event.message.id === ack?.message.id,
    );
    expect(created.message).toEqual({ ...ack?.message, clientId: null });
    // Stored before it was acknowledged: the history on the other instance has it.
    const history = await creator.get(`/api/v1/chats/${chatId}/messages`);
    expect(history.json().items.map((message: ChatMessage) => message.id)).toContain(ack?.message.id);
    await Promise.all([consumerSocket.close(), creatorSocket.close()]);
  });

  it('limits a user to 10 messages a minute across both instances (6 on A + 5 on B → the 11th is refused)', async () => {
    const { consumer, chatId } = await consumerWithChat();
    const onA = await connect(a, consumer, { locale: 'en' });
    const onB = await connect(b, consumer, { locale: 'en' });
    const outcomes = [];
    for (let n = 1; n <= 6; n++) {
      outcomes.push(await send(onA, chatId, `Frage ${n} zu Kapitel ${n}`));
    }
    for (let n = 7; n <= 11; n++) {
      outcomes.push(await send(onB, chatId, `Frage ${n} zu Kapitel ${n}`));
    }
    expect(outcomes.slice(0, 10).every((outcome) => outcome.ack !== undefined)).toBe(true);
    const refused = outcomes[10]?.error;
    expect(refused).toMatchObject({ code: 'chat_rate_limited' });
    expect(refused?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused?.retryAfterSeconds).toBeLessThanOrEqual(60);
    // REST shares the budget: 429 problem JSON with Retry-After.
    const rest = await consumer.post(`/api/v1/chats/${chatId}/messages`, {
      text: 'Noch eine',
      clientId: clientId(),
    });
    expect(rest.statusCode).toBe(429);
    expect(rest.json()).toMatchObject({ code: 'chat_rate_limited' });
    expect(Number(rest.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    await Promise.all([onA.close(), onB.close()]);
  });

  it('replays exactly the missed messages, in order, when a client reconnects and resumes', async () => {
    const { consumer, chatId } = await consumerWithChat();
    const creatorSocket = await connect(b, creator);
    const first = await connect(a, consumer);
    const { ack: greeting } = await send(creatorSocket, chatId, 'Willkommen! Wie kann ich helfen?');
    const seen = await first.next('message.created', (event) => event.message.id === greeting?.message.id);
    await first.close();

    const missed: string[] = [];
    for (const text of [
      'Die Übungsdatei liegt im Anhang.',
      'Kapitel 3 erklärt SVERWEIS.',
      'Melden Sie sich gern!',
    ]) {
      const { ack } = await send(creatorSocket, chatId, text);
      missed.push(ack?.message.id ?? '');
    }

    const again = await connect(b, consumer);
    again.send({ type: 'resume', lastMessageId: seen.message.id });
    expect(await again.next('resumed')).toEqual({ type: 'resumed', count: 3 });
    expect(again.all('message.created').map((event) => event.message.id)).toEqual(missed);
    const order = again.events.map((event) => event.type).filter((type) => type !== 'ping');
    expect(order).toEqual(['ready', 'message.created', 'message.created', 'message.created', 'resumed']);

    // Live again: the next message arrives once.
    const { ack: live } = await send(creatorSocket, chatId, 'Noch eine Frage?');
    await again.next('message.created', (event) => event.message.id === live?.message.id);
    expect(
      again.all('message.created').filter((event) => event.message.id === live?.message.id),
    ).toHaveLength(1);
    await Promise.all([again.close(), creatorSocket.close()]);
  });
});
