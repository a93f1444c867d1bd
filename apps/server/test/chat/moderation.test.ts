import type { ChatMessage } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import {
  type ChatCast,
  chatCast,
  chatNotifications,
  history,
  type Member,
  member,
  openChat,
  recordEvents,
  send,
  sent,
  session,
  unread,
} from './chat-fixtures.ts';

const QUEUE = '/api/v1/moderation/chat-messages';
const decisionUrl = (id: string) => `${QUEUE}/${id}/decision`;
const flagUrl = (id: string) => `/api/v1/messages/${id}/flag`;

describe(`chat moderation: held messages, flags, disabled sessions (${testDatabaseKind})`, () => {
  let t: TestApp;
  let cast: ChatCast;
  let admin: Member;

  beforeAll(async () => {
    t = await buildTestApp({ CHAT_BLOCKED_DOMAINS: 'spam.example, Werbung.example.' });
    cast = await chatCast(t);
    admin = await member(t, { role: 'admin' });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  async function auditActions(action: string) {
    return t.platform.database.db
      .selectFrom('audit_events')
      .select(['actor_id', 'target_id', 'details'])
      .where('action', '=', action)
      .orderBy('seq', 'asc')
      .execute();
  }

  it('holds a suspicious message: the sender sees it held, the recipient sees nothing at all', async () => {
    const sender = await member(t, { displayName: 'Spam Sender' });
    const chat = await openChat(sender.client, cast.nanoId);
    const creatorEvents = await recordEvents(t, cast.creator.user.id);
    const res = await send(sender.client, chat.id, 'Billig: https://www.spam.example/angebot');
    expect(res.statusCode).toBe(201);
    const held = res.json<ChatMessage>();
    expect(held.status).toBe('held');
    expect((await history(sender.client, chat.id)).map((m) => m.status)).toEqual(['held']);
    expect((await session(sender.client, chat.id)).lastMessage).toMatchObject({
      id: held.id,
      status: 'held',
    });

    expect(await history(cast.creator.client, chat.id)).toEqual([]);
    const creatorView = await session(cast.creator.client, chat.id);
    expect(creatorView).toMatchObject({ lastMessage: null, unreadCount: 0, lastMessageAt: null });
    expect(await chatNotifications(t, cast.creator.user.id)).toEqual([]);
    await creatorEvents.settle();
    expect(creatorEvents.events).toEqual([]);

    // The recipient cannot mark it read or flag it either.
    expect(
      (await cast.creator.client.post(`/api/v1/chats/${chat.id}/read`, { upTo: held.id })).statusCode,
    ).toBe(404);
    expect((await cast.creator.client.post(flagUrl(held.id), { reason: 'spam' })).statusCode).toBe(404);
    await creatorEvents.stop();
  });

  it('lists held messages for staff only, audits each view, and releases one as if just sent', async () => {
    const sender = await member(t, { displayName: 'Lina Links' });
    const chat = await openChat(sender.client, cast.nanoId);
    const held = (await send(sender.client, chat.id, 'Schau: werbung.example/x')).json<ChatMessage>();
    expect(held.status).toBe('held');

    expect((await sender.client.get(QUEUE)).statusCode).toBe(403);
    const list = await cast.moderator.client.get(`${QUEUE}?status=held`);
    expect(list.statusCode).toBe(200);
    const item = list.json().items.find((i: { message: ChatMessage }) => i.message.id === held.id);
    expect(item).toMatchObject({
      message: { text: 'Schau: werbung.example/x', status: 'held', clientId: null },
      holdReasons: ['blocked_link'],
      chat: { id: chat.id, status: 'active', nanoTitle: 'Excel Pivot in 10 Minuten' },
      sender: { id: sender.user.id, displayName: 'Lina Links' },
      recipient: { id: cast.creator.user.id, displayName: 'VHS Teststadt' },
      flags: [],
    });
    const views = await auditActions('chat.queue_viewed');
    expect(views.at(-1)).toMatchObject({ actor_id: cast.moderator.user.id });
    expect(views.at(-1)?.details).toMatchObject({
      list: 'held',
      messageIds: expect.arrayContaining([held.id]),
    });

    const senderEvents = await recordEvents(t, sender.user.id);
    const creatorEvents = await recordEvents(t, cast.creator.user.id);
    t.clock.advance(60_000);
    const released = await cast.moderator.client.post(decisionUrl(held.id), { decision: 'release' });
    expect(released.statusCode).toBe(200);
    expect(released.json()).toMatchObject({ id: held.id, status: 'visible' });
    expect((await history(cast.creator.client, chat.id)).map((m) => m.id)).toEqual([held.id]);
    expect((await session(cast.creator.client, chat.id)).unreadCount).toBe(1);
    expect((await chatNotifications(t, cast.creator.user.id))[0]?.payload).toMatchObject({
      chatId: chat.id,
      senderName: 'Lina Links',
    });
    await senderEvents.settle();
    await creatorEvents.settle();
    expect(senderEvents.of('message.updated').map((e) => e.message.status)).toEqual(['visible']);
    expect(senderEvents.of('message.created')).toEqual([]);
    expect(creatorEvents.of('message.created').map((e) => e.message.id)).toEqual([held.id]);
    expect(await auditActions('chat.message_released')).toHaveLength(1);

    const again = await cast.moderator.client.post(decisionUrl(held.id), { decision: 'reject' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'chat_message_not_pending' });
    await senderEvents.stop();
    await creatorEvents.stop();
  });

  it('rejects a held message: its sender sees it rejected, the recipient never sees it', async () => {
    const sender = await member(t, { displayName: 'Rolf Rüpel' });
    const chat = await openChat(sender.client, cast.nanoId);
    const held = (await send(sender.client, chat.id, 'Du Vollidiot!')).json<ChatMessage>();
    expect(held.status).toBe('held');
    const rejected = await admin.client.post(decisionUrl(held.id), { decision: 'reject' });
    expect(rejected.json()).toMatchObject({ status: 'rejected' });
    expect((await history(sender.client, chat.id)).map((m) => m.status)).toEqual(['rejected']);
    expect(await history(cast.creator.client, chat.id)).toEqual([]);
    expect(
      (await cast.moderator.client.get(QUEUE))
        .json()
        .items.map((i: { message: ChatMessage }) => i.message.id),
    ).not.toContain(held.id);
  });

  it('takes one open flag per participant and message; not on own messages; the flagged list shows it', async () => {
    const chat = await openChat(cast.consumer.client, cast.nanoId);
    const rude = await sent(cast.creator.client, chat.id, 'Lesen Sie doch die Anleitung.');
    const mine = await sent(cast.consumer.client, chat.id, 'Habe ich.');

    const own = await cast.consumer.client.post(flagUrl(mine.id), { reason: 'spam' });
    expect(own.statusCode).toBe(422);
    expect(own.json()).toMatchObject({ code: 'flag_own_message' });
    const outsider = await member(t);
    expect((await outsider.client.post(flagUrl(rude.id), { reason: 'harassment' })).statusCode).toBe(404);
    expect((await cast.consumer.client.post(flagUrl(rude.id), { reason: 'nonsense' })).statusCode).toBe(400);

    const flagged = await cast.consumer.client.post(flagUrl(rude.id), {
      reason: 'harassment',
      description: '  Unfreundlich  ',
    });
    expect(flagged.statusCode).toBe(201);
    expect(flagged.json()).toMatchObject({
      targetType: 'message',
      targetId: rude.id,
      reason: 'harassment',
      status: 'open',
    });
    const twice = await cast.consumer.client.post(flagUrl(rude.id), { reason: 'spam' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'flag_exists' });

    const list = await cast.moderator.client.get(`${QUEUE}?status=flagged`);
    expect(list.json()).toMatchObject({ total: 1 });
    expect(list.json().items[0]).toMatchObject({
      message: { id: rude.id, status: 'visible' },
      holdReasons: [],
      flags: [{ reason: 'harassment', description: 'Unfreundlich' }],
    });

    // Keeping it resolves the flag; the message stays; a new flag is possible afterwards.
    const kept = await cast.moderator.client.post(decisionUrl(rude.id), { decision: 'release' });
    expect(kept.json()).toMatchObject({ status: 'visible' });
    expect((await cast.moderator.client.get(`${QUEUE}?status=flagged`)).json()).toMatchObject({ total: 0 });
    expect((await cast.consumer.client.post(flagUrl(rude.id), { reason: 'spam' })).statusCode).toBe(201);

    // Rejecting a delivered message takes it from the recipient, who hears that the session changed.
    const consumerEvents = await recordEvents(t, cast.consumer.user.id);
    const removed = await cast.moderator.client.post(decisionUrl(rude.id), { decision: 'reject' });
    expect(removed.json()).toMatchObject({ status: 'rejected' });
    expect((await history(cast.consumer.client, chat.id)).map((m) => m.id)).toEqual([mine.id]);
    expect((await history(cast.creator.client, chat.id)).map((m) => m.status)).toEqual([
      'visible',
      'rejected',
    ]);
    await consumerEvents.settle();
    expect(consumerEvents.of('session.updated')).toEqual([{ type: 'session.updated', chatId: chat.id }]);
    await consumerEvents.stop();
  });

  it('disables a session: no new messages from either side, both see the reason; enabling restores it', async () => {
    const party = await member(t, { displayName: 'Doris Disabled' });
    const chat = await openChat(party.client, cast.nanoId);
    await sent(party.client, chat.id, 'Hallo');
    const events = await recordEvents(t, party.user.id);

    expect(
      (await party.client.post(`/api/v1/moderation/chats/${chat.id}/disable`, { reason: 'Spam' })).statusCode,
    ).toBe(403);
    expect(
      (await cast.moderator.client.post(`/api/v1/moderation/chats/${chat.id}/disable`, { reason: ' ' }))
        .statusCode,
    ).toBe(400);
    const disabled = await cast.moderator.client.post(`/api/v1/moderation/chats/${chat.id}/disable`, {
      reason: 'Werbung trotz Hinweis',
    });
    expect(disabled.statusCode).toBe(204);
    for (const client of [party.client, cast.creator.client]) {
      expect(await session(client, chat.id)).toMatchObject({
        status: 'disabled',
        disabledReason: 'Werbung trotz Hinweis',
        canSend: false,
      });
      const refused = await send(client, chat.id, 'Noch etwas?');
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'chat_disabled' });
    }
    // Still in the active tab (read-only), and readable.
    const inbox = (await party.client.get('/api/v1/chats')).json().items.map((s: { id: string }) => s.id);
    expect(inbox).toContain(chat.id);
    expect((await history(party.client, chat.id)).map((m) => m.text)).toEqual(['Hallo']);
    await events.settle();
    expect(events.of('session.updated')).toEqual([{ type: 'session.updated', chatId: chat.id }]);

    expect((await cast.moderator.client.post(`/api/v1/moderation/chats/${chat.id}/enable`)).statusCode).toBe(
      204,
    );
    expect(await session(party.client, chat.id)).toMatchObject({
      status: 'active',
      disabledReason: null,
      canSend: true,
    });
    await sent(party.client, chat.id, 'Wieder offen');
    expect(await auditActions('chat.session_disabled')).toHaveLength(1);
    expect(await auditActions('chat.session_enabled')).toHaveLength(1);
    expect(
      (
        await cast.moderator.client.post(
          '/api/v1/moderation/chats/0190a000-0000-7000-8000-000000000000/disable',
          { reason: 'x' },
        )
      ).statusCode,
    ).toBe(404);
    expect(await unread(party.client)).toEqual({ unread: 0, chats: 0 });
    await events.stop();
  });
});
