import { CHAT_LIMITS, type ChatMessage } from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChatDeps } from '../../src/modules/chat/chat.deps.ts';
import { registerChatHandlers } from '../../src/modules/chat/chat.realtime.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { chatDepsOf, fakeConnection, type RecordingHub, recordingHub } from './chat-deps.ts';
import { type ChatCast, chatCast, history, member, newClientId, openChat, sent } from './chat-fixtures.ts';

/** The start of the next minute: a fresh rate-limit window. */
function nextMinute(t: TestApp): void {
  const now = t.clock.now().getTime();
  t.clock.set(new Date(Math.floor(now / 60_000) * 60_000 + 60_000));
}

describe(`chat client events over the real-time hub (${testDatabaseKind})`, () => {
  let t: TestApp;
  let cast: ChatCast;
  let hub: RecordingHub;
  let deps: ChatDeps;
  let chatId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    cast = await chatCast(t);
    hub = recordingHub();
    deps = chatDepsOf(t, hub);
    registerChatHandlers(deps);
    chatId = (await openChat(cast.consumer.client, cast.nanoId)).id;
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    hub.published.length = 0;
    hub.online.clear();
    nextMinute(t);
  });

  it('message.send stores the message, acks it and delivers it to both parties', async () => {
    const socket = fakeConnection(cast.consumer.user.id);
    const clientId = newClientId();
    await hub.dispatch(socket, { type: 'message.send', chatId, text: 'Über den Socket 🚀', clientId });
    const [ack] = socket.sent;
    expect(ack).toMatchObject({
      type: 'ack',
      clientId,
      message: { text: 'Über den Socket 🚀', status: 'visible', clientId },
    });
    const message = (ack as { message: ChatMessage }).message;
    expect((await history(cast.creator.client, chatId)).map((m) => m.id)).toContain(message.id);
    expect(hub.to(cast.creator.user.id, 'message.created').map((e) => e.message)).toEqual([
      { ...message, clientId: null },
    ]);
    expect(hub.to(cast.consumer.user.id, 'message.created').map((e) => e.message.id)).toEqual([message.id]);

    // The same client id again (a resend after a lost ack): the same message, nothing delivered again.
    hub.published.length = 0;
    await hub.dispatch(socket, { type: 'message.send', chatId, text: 'Über den Socket 🚀', clientId });
    expect(socket.sent[1]).toEqual(ack);
    expect(hub.published).toEqual([]);
  });

  it('answers refusals with a localised error event carrying the problem code and retry-after', async () => {
    const socket = fakeConnection(cast.consumer.user.id, 'en');
    for (let i = 0; i < CHAT_LIMITS.messagesPerMinute; i++) {
      await hub.dispatch(socket, {
        type: 'message.send',
        chatId,
        text: `Burst ${i}`,
        clientId: newClientId(),
      });
    }
    t.clock.advance(20_000);
    const clientId = newClientId();
    await hub.dispatch(socket, { type: 'message.send', chatId, text: 'One too many', clientId });
    expect(socket.sent.at(-1)).toEqual({
      type: 'error',
      clientId,
      code: 'chat_rate_limited',
      message: 'You are sending too many messages (at most 10 per minute). Please wait a moment.',
      retryAfterSeconds: 40,
    });

    const stranger = await member(t);
    const outsider = fakeConnection(stranger.user.id);
    await hub.dispatch(outsider, { type: 'message.send', chatId, text: 'Hallo?', clientId: newClientId() });
    expect(outsider.sent.at(-1)).toMatchObject({
      type: 'error',
      code: 'not_found',
      message: 'Nicht gefunden.',
    });
    expect(outsider.sent.at(-1)).toMatchObject({ retryAfterSeconds: null });
  });

  it('refuses a sender whose account was suspended while the socket stayed open', async () => {
    const user = await member(t, { displayName: 'Susi Suspend' });
    const chat = await openChat(user.client, cast.nanoId);
    await t.platform.database.db
      .updateTable('users')
      .set({ status: 'suspended' })
      .where('id', '=', user.user.id)
      .execute();
    const socket = fakeConnection(user.user.id);
    await hub.dispatch(socket, {
      type: 'message.send',
      chatId: chat.id,
      text: 'Trotzdem',
      clientId: newClientId(),
    });
    expect(socket.sent.at(-1)).toMatchObject({ type: 'error', code: 'account_suspended' });
    expect(await history(cast.creator.client, chat.id)).toEqual([]);
  });

  it('relays typing to the other party only for participants', async () => {
    await hub.dispatch(fakeConnection(cast.consumer.user.id), { type: 'typing', chatId });
    expect(hub.to(cast.creator.user.id, 'typing')).toEqual([
      { type: 'typing', chatId, userId: cast.consumer.user.id },
    ]);
    await hub.dispatch(fakeConnection(cast.creator.user.id), { type: 'typing', chatId });
    expect(hub.to(cast.consumer.user.id, 'typing')).toHaveLength(1);

    const stranger = await member(t);
    hub.published.length = 0;
    await hub.dispatch(fakeConnection(stranger.user.id), { type: 'typing', chatId });
    await hub.dispatch(fakeConnection(stranger.user.id), { type: 'typing', chatId: uuidv7() });
    expect(hub.published).toEqual([]);
  });

  it('read moves the marker and tells the other party; an unknown message is an error event', async () => {
    const answer = await sent(cast.creator.client, chatId, 'Gelesen?');
    hub.published.length = 0;
    const socket = fakeConnection(cast.consumer.user.id);
    await hub.dispatch(socket, { type: 'read', chatId, upTo: answer.id });
    expect(hub.to(cast.creator.user.id, 'message.read')).toEqual([
      { type: 'message.read', chatId, userId: cast.consumer.user.id, upTo: answer.id },
    ]);
    expect(socket.sent).toEqual([]);
    await hub.dispatch(socket, { type: 'read', chatId, upTo: uuidv7() });
    expect(socket.sent).toMatchObject([{ type: 'error', code: 'not_found', clientId: null }]);
  });

  it('resume replays exactly what was missed, oldest first, with own held messages, then resumed', async () => {
    const user = await member(t, { displayName: 'Rene Resume' });
    const chat = await openChat(user.client, cast.nanoId);
    const seen = await sent(user.client, chat.id, 'Vor dem Abbruch');

    const missedA = await sent(cast.creator.client, chat.id, 'Verpasst 1');
    const held = await sent(
      user.client,
      chat.id,
      'Kauf hier: a.example.com b.example.com c.example.com d.example.com',
    );
    expect(held.status).toBe('held');
    const missedB = await sent(cast.creator.client, chat.id, 'Verpasst 2');
    // Another user's chat: never replayed to this user.
    await sent(cast.consumer.client, chatId, 'Fremder Chat');

    const socket = fakeConnection(user.user.id);
    await hub.dispatch(socket, { type: 'resume', lastMessageId: seen.id });
    const replayed = socket.sent
      .filter((e) => e.type === 'message.created')
      .map((e) => (e as { message: ChatMessage }).message);
    expect(replayed.map((m) => m.id)).toEqual([missedA.id, held.id, missedB.id]);
    expect(replayed.map((m) => m.status)).toEqual(['visible', 'held', 'visible']);
    expect(socket.sent.at(-1)).toEqual({ type: 'resumed', count: 3 });

    const again = fakeConnection(user.user.id);
    await hub.dispatch(again, { type: 'resume', lastMessageId: missedB.id });
    expect(again.sent).toEqual([{ type: 'resumed', count: 0 }]);
    const fresh = fakeConnection(user.user.id);
    await hub.dispatch(fresh, { type: 'resume', lastMessageId: null });
    expect(fresh.sent).toEqual([{ type: 'resumed', count: 0 }]);
  });

  it(`resume sends at most ${CHAT_LIMITS.resumeMax} messages, then resync`, async () => {
    const user = await member(t, { displayName: 'Viel Verpasst' });
    const chat = await openChat(user.client, cast.nanoId);
    const start = await sent(user.client, chat.id, 'Start');
    const now = t.clock.now();
    await t.platform.database.db
      .insertInto('chat_messages')
      .values(
        Array.from({ length: CHAT_LIMITS.resumeMax + 5 }, (_, i) => ({
          id: uuidv7(),
          chat_id: chat.id,
          sender_id: cast.creator.user.id,
          client_id: `bulk-${i}-${start.id.slice(-8)}`,
          body: `Bulk ${i}`,
          created_at: now,
        })),
      )
      .execute();
    const socket = fakeConnection(user.user.id);
    await hub.dispatch(socket, { type: 'resume', lastMessageId: start.id });
    expect(socket.sent.filter((e) => e.type === 'message.created')).toHaveLength(CHAT_LIMITS.resumeMax);
    expect(socket.sent.slice(-2)).toEqual([
      { type: 'resync' },
      { type: 'resumed', count: CHAT_LIMITS.resumeMax },
    ]);
  });
});
