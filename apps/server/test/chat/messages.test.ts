import { CHAT_LIMITS, type ChatMessage } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_FILTER } from '../../src/modules/chat/chat.constants.ts';
import { sendMessage } from '../../src/modules/chat/chat-messages.service.ts';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { insertNano } from '../search/search-fixtures.ts';
import { chatDepsOf } from './chat-deps.ts';
import {
  type ChatCast,
  chatCast,
  chatUrl,
  history,
  member,
  messagesUrl,
  newClientId,
  openChat,
  recordEvents,
  send,
  sent,
  session,
  unread,
} from './chat-fixtures.ts';

/** Moves the clock to the start of the next minute: a fresh rate-limit window. */
function nextMinute(t: TestApp): void {
  const now = t.clock.now().getTime();
  t.clock.set(new Date(Math.floor(now / 60_000) * 60_000 + 60_000));
}

describe(`chat messages: validation, idempotency, limits, paging, read state (${testDatabaseKind})`, () => {
  let t: TestApp;
  let cast: ChatCast;
  let chatId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    cast = await chatCast(t);
    chatId = (await openChat(cast.consumer.client, cast.nanoId)).id;
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('takes 1–1000 characters after trimming, counting an emoji as one', async () => {
    nextMinute(t);
    for (const text of [
      '',
      '   \n\t ',
      'x'.repeat(CHAT_LIMITS.messageMax + 1),
      '😀'.repeat(CHAT_LIMITS.messageMax + 1),
    ]) {
      const res = await send(cast.consumer.client, chatId, text);
      expect(res.statusCode, text.slice(0, 10)).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'body.text' });
    }
    const tooLong = await send(cast.consumer.client, chatId, 'a'.repeat(1001));
    expect(tooLong.json().errors[0].message).toBe('Höchstens 1000 Zeichen.');

    const emoji = await send(cast.consumer.client, chatId, '😀'.repeat(CHAT_LIMITS.messageMax));
    expect(emoji.statusCode).toBe(201);
    const longest = await send(cast.consumer.client, chatId, ` ${'ä'.repeat(CHAT_LIMITS.messageMax)} `);
    expect(longest.statusCode).toBe(201);
    expect(longest.json<ChatMessage>().text).toBe('ä'.repeat(CHAT_LIMITS.messageMax));
    const one = await send(cast.consumer.client, chatId, '👍');
    expect(one.json<ChatMessage>()).toMatchObject({
      text: '👍',
      status: 'visible',
      senderId: cast.consumer.user.id,
    });
    const badClientId = await cast.consumer.client.post(messagesUrl(chatId), { text: 'x', clientId: 'kurz' });
    expect(badClientId.statusCode).toBe(400);
  });

  it(`holds the ${CHAT_FILTER.repeatAllowed + 1}th identical text (case and spacing ignored) for review`, async () => {
    nextMinute(t);
    const events = await recordEvents(t, cast.creator.user.id);
    const texts = Array.from({ length: CHAT_FILTER.repeatAllowed + 1 }, (_, i) =>
      i % 2 === 0 ? 'Jetzt   GÜNSTIG kaufen' : 'jetzt günstig kaufen',
    );
    const statuses: string[] = [];
    for (const text of texts) {
      const answer = await send(cast.consumer.client, chatId, text);
      expect(answer.statusCode).toBe(201);
      statuses.push(answer.json<ChatMessage>().status);
    }
    expect(statuses).toEqual([...Array(CHAT_FILTER.repeatAllowed).fill('visible'), 'held']);
    await events.settle();
    // The recipient got the first ones only.
    expect(events.of('message.created')).toHaveLength(CHAT_FILTER.repeatAllowed);
    await events.stop();
  });

  it('stores a message once per client id: a repeat answers 200 with the stored one and delivers nothing', async () => {
    nextMinute(t);
    const events = await recordEvents(t, cast.creator.user.id);
    const clientId = newClientId();
    const first = await send(cast.consumer.client, chatId, 'Einmal, bitte', clientId);
    expect(first.statusCode).toBe(201);
    const message = first.json<ChatMessage>();
    expect(message.clientId).toBe(clientId);
    const repeat = await send(cast.consumer.client, chatId, 'Einmal, bitte', clientId);
    expect(repeat.statusCode).toBe(200);
    expect(repeat.json()).toEqual(message);
    // Concurrent repeats: still one row.
    const racing = await Promise.all(
      [1, 2, 3].map(() => send(cast.consumer.client, chatId, 'Einmal, bitte', clientId)),
    );
    expect(racing.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    const rows = await t.platform.database.db
      .selectFrom('chat_messages')
      .select('id')
      .where('client_id', '=', clientId)
      .execute();
    expect(rows).toHaveLength(1);
    await events.settle();
    expect(events.of('message.created').map((e) => e.message.id)).toEqual([message.id]);
    // The recipient never learns the sender's idempotency key.
    expect(events.of('message.created')[0]?.message.clientId).toBeNull();
    await events.stop();

    const elsewhere = await openChat(
      cast.consumer.client,
      await insertNano(t, cast.creator.user.id, { title: 'Zweiter' }),
    );
    const reused = await send(cast.consumer.client, elsewhere.id, 'Einmal, bitte', clientId);
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({ code: 'chat_client_id_reused' });
  });

  it('allows 10 messages per minute and user across sessions; the 11th is 429 with retry-after', async () => {
    nextMinute(t);
    t.clock.advance(15_000);
    const other = await openChat(
      cast.consumer.client,
      await insertNano(t, cast.creator.user.id, { title: 'Dritter' }),
    );
    const statuses: number[] = [];
    const repeatId = newClientId();
    for (let i = 0; i < CHAT_LIMITS.messagesPerMinute; i++) {
      const res = await send(
        cast.consumer.client,
        i % 2 ? chatId : other.id,
        `Nachricht ${i}`,
        i === 0 ? repeatId : undefined,
      );
      statuses.push(res.statusCode);
    }
    expect(statuses.every((s) => s === 201)).toBe(true);
    // Repeating a stored message does not count and still answers.
    expect((await send(cast.consumer.client, other.id, 'Nachricht 0', repeatId)).statusCode).toBe(200);

    const limited = await send(cast.consumer.client, chatId, 'Eine zu viel');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.headers['retry-after']).toBe('45');
    expect(limited.json()).toMatchObject({ code: 'chat_rate_limited', status: 429 });
    // Another user is not affected.
    expect((await send(cast.creator.client, chatId, 'Ich darf noch')).statusCode).toBe(201);

    t.clock.advance(45_000);
    expect((await send(cast.consumer.client, chatId, 'Neue Minute')).statusCode).toBe(201);
  });

  it('refuses a suspended sender at the moment of sending', async () => {
    nextMinute(t);
    const suspended = await member(t, { displayName: 'Bald gesperrt' });
    const chat = await openChat(suspended.client, cast.nanoId);
    await sent(suspended.client, chat.id, 'Noch darf ich');
    await t.platform.database.db
      .updateTable('users')
      .set({ status: 'suspended' })
      .where('id', '=', suspended.user.id)
      .execute();
    // The REST session ends with the suspension (401); the chat service refuses too (WebSocket path).
    expect((await send(suspended.client, chat.id, 'Und jetzt?')).statusCode).toBe(401);
    await expect(
      sendMessage(chatDepsOf(t), suspended.user.id, chat.id, {
        text: 'Über den Socket',
        clientId: newClientId(),
      }),
    ).rejects.toMatchObject({ code: 'account_suspended' });
  });

  it('pages the history newest first with before, and polls newer ones with after', async () => {
    nextMinute(t);
    const pager = await member(t, { displayName: 'Paula Pager' });
    const chat = await openChat(pager.client, cast.nanoId);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      ids.push((await sent(i % 2 ? cast.creator.client : pager.client, chat.id, `M${i}`)).id);
    }
    const first = await pager.client.get(messagesUrl(chat.id, 'limit=3'));
    expect(first.json().items.map((m: ChatMessage) => m.text)).toEqual(['M6', 'M5', 'M4']);
    const cursor = first.json().nextBefore;
    expect(cursor).toBe(ids[4]);
    const second = await pager.client.get(messagesUrl(chat.id, `limit=3&before=${cursor}`));
    expect(second.json().items.map((m: ChatMessage) => m.text)).toEqual(['M3', 'M2', 'M1']);
    const last = await pager.client.get(messagesUrl(chat.id, `limit=3&before=${second.json().nextBefore}`));
    expect(last.json()).toMatchObject({ nextBefore: null });
    expect(last.json().items.map((m: ChatMessage) => m.text)).toEqual(['M0']);

    const newer = await pager.client.get(messagesUrl(chat.id, `after=${ids[2]}&limit=2`));
    expect(newer.json()).toMatchObject({ nextBefore: null });
    expect(newer.json().items.map((m: ChatMessage) => m.text)).toEqual(['M4', 'M3']);
    expect((await pager.client.get(messagesUrl(chat.id, 'limit=101'))).statusCode).toBe(400);
  });

  it('counts unread messages per participant and moves read markers only forward, with receipts', async () => {
    nextMinute(t);
    const reader = await member(t, { displayName: 'Rita Reader' });
    const chat = await openChat(reader.client, cast.nanoId);
    const mine = await sent(reader.client, chat.id, 'Frage 1');
    const a = await sent(cast.creator.client, chat.id, 'Antwort 1');
    const b = await sent(cast.creator.client, chat.id, 'Antwort 2');
    expect(await session(reader.client, chat.id)).toMatchObject({ unreadCount: 2, otherLastReadId: mine.id });
    const before = await unread(reader.client);
    expect(before.unread).toBe(2);
    expect(before.chats).toBe(1);
    // The sender's own message counts as read by them; the creator read up to their answer.
    expect((await session(cast.creator.client, chat.id)).unreadCount).toBe(0);
    expect((await session(reader.client, chat.id)).otherLastReadId).toBe(mine.id);

    const events = await recordEvents(t, cast.creator.user.id);
    const read = await reader.client.post(`${chatUrl(chat.id)}/read`, { upTo: a.id });
    expect(read.statusCode).toBe(204);
    expect((await session(reader.client, chat.id)).unreadCount).toBe(1);
    await reader.client.post(`${chatUrl(chat.id)}/read`, { upTo: b.id });
    expect(await unread(reader.client)).toEqual({ unread: 0, chats: 0 });
    // Backwards does nothing (and tells nobody).
    expect((await reader.client.post(`${chatUrl(chat.id)}/read`, { upTo: a.id })).statusCode).toBe(204);
    expect((await session(reader.client, chat.id)).unreadCount).toBe(0);
    expect((await session(cast.creator.client, chat.id)).otherLastReadId).toBe(b.id);
    await events.settle();
    expect(events.of('message.read').map((e) => e.upTo)).toEqual([a.id, b.id]);
    expect(events.of('message.read')[0]).toMatchObject({ chatId: chat.id, userId: reader.user.id });
    await events.stop();

    const foreign = await sent(cast.consumer.client, chatId, 'Anderer Chat');
    expect((await reader.client.post(`${chatUrl(chat.id)}/read`, { upTo: foreign.id })).statusCode).toBe(404);
    expect((await history(reader.client, chat.id)).map((m) => m.text)).toEqual([
      'Antwort 2',
      'Antwort 1',
      'Frage 1',
    ]);
  });
});
