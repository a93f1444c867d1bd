import type { ChatSession } from '@nano/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../app.ts';
import { testDatabaseKind } from '../database.ts';
import { TestClient } from '../http-client.ts';
import { insertNano } from '../search/search-fixtures.ts';
import {
  type ChatCast,
  chatCast,
  chatsUrl,
  chatUrl,
  history,
  type Member,
  member,
  messagesUrl,
  newClientId,
  openChat,
  recordEvents,
  send,
  sent,
  session,
} from './chat-fixtures.ts';

describe(`chat sessions: opening, reuse, access and the inbox (${testDatabaseKind})`, () => {
  let t: TestApp;
  let cast: ChatCast;
  let stranger: Member;

  beforeAll(async () => {
    t = await buildTestApp();
    cast = await chatCast(t);
    stranger = await member(t, { displayName: 'Sam Fremd' });
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('opens the session of the trio once and reuses it, also when opened twice at once', async () => {
    const nanoId = await insertNano(t, cast.creator.user.id, { title: 'Datenschutz kompakt' });
    const [a, b] = await Promise.all([
      cast.consumer.client.post(chatsUrl, { nanoId }),
      cast.consumer.client.post(chatsUrl, { nanoId }),
    ]);
    const statuses = [a?.statusCode, b?.statusCode].sort();
    expect(statuses).toEqual([200, 201]);
    const first = a?.json<{ chat: ChatSession; reused: boolean }>();
    const second = b?.json<{ chat: ChatSession; reused: boolean }>();
    expect(first?.chat.id).toBe(second?.chat.id);

    const again = await cast.consumer.client.post(chatsUrl, { nanoId });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ reused: true, message: null, chat: { id: first?.chat.id } });
    expect(again.json<{ chat: ChatSession }>().chat).toMatchObject({
      status: 'active',
      myRole: 'consumer',
      muted: false,
      unreadCount: 0,
      lastMessage: null,
      canSend: true,
      disabledReason: null,
      nano: { id: nanoId, title: 'Datenschutz kompakt', slug: 'datenschutz-kompakt', status: 'published' },
      other: { id: cast.creator.user.id, displayName: 'VHS Teststadt', online: false },
    });
    const rows = await t.platform.database.db
      .selectFrom('chat_sessions')
      .select('id')
      .where('nano_id', '=', nanoId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('opens with a first message, which the creator sees as unread', async () => {
    const nanoId = await insertNano(t, cast.creator.user.id, { title: 'Pivot für Fortgeschrittene' });
    const res = await cast.consumer.client.post(chatsUrl, {
      nanoId,
      message: { text: '  Gibt es eine Übungsdatei?  ', clientId: newClientId() },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json<{ chat: ChatSession; message: { text: string; status: string } }>();
    expect(body.message).toMatchObject({ text: 'Gibt es eine Übungsdatei?', status: 'visible' });
    expect(body.chat.lastMessage?.text).toBe('Gibt es eine Übungsdatei?');

    const creatorView = await session(cast.creator.client, body.chat.id);
    expect(creatorView).toMatchObject({
      myRole: 'creator',
      unreadCount: 1,
      other: { id: cast.consumer.user.id, displayName: 'Alice Lernend' },
      lastMessage: { text: 'Gibt es eine Übungsdatei?', clientId: null },
    });
  });

  it('refuses guests, the own Nano, unpublished Nanos and unknown ones', async () => {
    const guest = new TestClient(t.app, { ip: '198.51.100.20' });
    expect((await guest.post(chatsUrl, { nanoId: cast.nanoId })).statusCode).toBe(401);
    expect((await guest.get(chatsUrl)).statusCode).toBe(401);

    const own = await cast.creator.client.post(chatsUrl, { nanoId: cast.nanoId });
    expect(own.statusCode).toBe(403);
    expect(own.json()).toMatchObject({ code: 'chat_own_nano' });

    const draft = await insertNano(t, cast.creator.user.id, { title: 'Entwurf', status: 'draft' });
    expect((await cast.consumer.client.post(chatsUrl, { nanoId: draft })).statusCode).toBe(404);
    const archived = await insertNano(t, cast.creator.user.id, { title: 'Archiviert', status: 'archived' });
    // Staff may see an archived Nano, but no new chat about it is possible.
    const res = await cast.moderator.client.post(chatsUrl, { nanoId: archived });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'chat_nano_not_published' });
    const ownInEnglish = await cast.creator.client.request({
      method: 'POST',
      url: chatsUrl,
      payload: { nanoId: cast.nanoId },
      headers: { 'accept-language': 'en' },
    });
    expect(ownInEnglish.json()).toMatchObject({ title: 'You cannot start a chat about your own Nano.' });

    expect(
      (await cast.consumer.client.post(chatsUrl, { nanoId: '0190a000-0000-7000-8000-000000000000' }))
        .statusCode,
    ).toBe(404);
  });

  it('keeps an existing session usable after its Nano was archived', async () => {
    const nanoId = await insertNano(t, cast.creator.user.id, { title: 'Bald archiviert' });
    const chat = await openChat(cast.consumer.client, nanoId);
    await t.platform.database.db
      .updateTable('nanos')
      .set({ status: 'archived' })
      .where('id', '=', nanoId)
      .execute();
    const reopened = await cast.consumer.client.post(chatsUrl, { nanoId });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json<{ chat: ChatSession }>().chat).toMatchObject({
      id: chat.id,
      nano: { status: 'archived' },
    });
    await sent(cast.consumer.client, chat.id, 'Noch eine Frage trotz Archiv');
    await sent(cast.creator.client, chat.id, 'Gern, fragen Sie!');
  });

  it('shows a session only to its two parties: 404 for everyone else, moderators included', async () => {
    const chat = await openChat(cast.consumer.client, cast.nanoId);
    const message = await sent(cast.consumer.client, chat.id, 'Nur für uns beide');
    for (const outsider of [stranger.client, cast.moderator.client]) {
      expect((await outsider.get(chatUrl(chat.id))).statusCode).toBe(404);
      expect((await outsider.get(messagesUrl(chat.id))).statusCode).toBe(404);
      expect((await send(outsider, chat.id, 'Hallo?')).statusCode).toBe(404);
      expect((await outsider.post(`${chatUrl(chat.id)}/read`, { upTo: message.id })).statusCode).toBe(404);
      expect((await outsider.patch(chatUrl(chat.id), { muted: true })).statusCode).toBe(404);
      expect((await outsider.get(`${chatUrl(chat.id)}/transcript`)).statusCode).toBe(404);
    }
    expect((await stranger.client.get(chatsUrl)).json()).toEqual({ items: [] });
    expect((await history(cast.creator.client, chat.id)).map((m) => m.text)).toContain('Nur für uns beide');
  });

  it('lists the inbox newest first, searchable by name and title, active and archived apart', async () => {
    const inbox = await member(t, { displayName: 'Ina Inbox' });
    const other = await member(t, { role: 'creator', displayName: 'Zoë Überall' });
    const first = await insertNano(t, cast.creator.user.id, { title: 'Excel Diagramme' });
    const second = await insertNano(t, other.user.id, { title: 'Konflikte lösen' });
    const third = await insertNano(t, other.user.id, { title: 'Präsentieren' });
    const a = await openChat(inbox.client, first);
    const b = await openChat(inbox.client, second);
    const c = await openChat(inbox.client, third);
    t.clock.advance(1000);
    await sent(inbox.client, a.id, 'Frage A');
    t.clock.advance(1000);
    await sent(other.client, b.id, 'Antwort B');
    await sent(inbox.client, b.id, 'Frage B');
    await t.platform.database.db
      .updateTable('chat_sessions')
      .set({ status: 'archived' })
      .where('id', '=', c.id)
      .execute();

    const active = (await inbox.client.get(chatsUrl)).json<{ items: ChatSession[] }>().items;
    expect(active.map((s) => s.id)).toEqual([b.id, a.id]);
    expect(active[0]?.lastMessage?.text).toBe('Frage B');
    const archived = (await inbox.client.get(`${chatsUrl}?status=archived`)).json<{ items: ChatSession[] }>()
      .items;
    expect(archived.map((s) => s.id)).toEqual([c.id]);
    expect(archived[0]).toMatchObject({ status: 'archived', canSend: true });

    const byName = (await inbox.client.get(`${chatsUrl}?q=zoe`)).json<{ items: ChatSession[] }>().items;
    expect(byName.map((s) => s.id)).toEqual([b.id]);
    const byTitle = (await inbox.client.get(`${chatsUrl}?q=${encodeURIComponent('DIAGRAMM')}`)).json<{
      items: ChatSession[];
    }>().items;
    expect(byTitle.map((s) => s.id)).toEqual([a.id]);
    expect((await inbox.client.get(`${chatsUrl}?q=${encodeURIComponent('100%')}`)).json()).toEqual({
      items: [],
    });
  });

  it('mutes and unmutes for the caller only and tells their other devices', async () => {
    const chat = await openChat(cast.consumer.client, cast.nanoId);
    const events = await recordEvents(t, cast.consumer.user.id);
    const muted = await cast.consumer.client.patch(chatUrl(chat.id), { muted: true });
    expect(muted.statusCode).toBe(200);
    expect(muted.json()).toMatchObject({ id: chat.id, muted: true });
    expect((await session(cast.creator.client, chat.id)).muted).toBe(false);
    await events.settle();
    expect(events.of('session.updated')).toEqual([{ type: 'session.updated', chatId: chat.id }]);
    expect((await cast.consumer.client.patch(chatUrl(chat.id), { muted: false })).json()).toMatchObject({
      muted: false,
    });
    await events.stop();
  });
});
