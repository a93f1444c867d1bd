import { randomBytes } from 'node:crypto';
import type { ChatMessage, ChatSession, ServerEvent } from '@nano/contracts';
import { expect } from 'vitest';
import { userChannel } from '../../src/modules/realtime/realtime.constants.ts';
import type { TestApp } from '../app.ts';
import { signIn } from '../factories.ts';
import { type Member, member } from '../feedback/feedback-fixtures.ts';
import type { TestClient } from '../http-client.ts';
import { insertNano } from '../search/search-fixtures.ts';

export { type Member, member } from '../feedback/feedback-fixtures.ts';

/** A creator with a published Nano, a consumer and a moderator, all signed in. */
export interface ChatCast {
  creator: Member;
  consumer: Member;
  moderator: Member;
  nanoId: string;
}

export async function chatCast(t: TestApp, title = 'Excel Pivot in 10 Minuten'): Promise<ChatCast> {
  const creator = await member(t, { role: 'creator', displayName: 'VHS Teststadt' });
  const consumer = await member(t, { displayName: 'Alice Lernend' });
  const moderator = await member(t, { role: 'moderator', displayName: 'Mona Moderation' });
  const nanoId = await insertNano(t, creator.user.id, { title });
  return { creator, consumer, moderator, nanoId };
}

let reloginAddress = 0;

/**
 * Signs the member in again (their client gets new cookies): after the test clock jumped days
 * ahead, the old login has expired, as it would for a real user.
 */
export async function relogin(t: TestApp, ...members: Member[]): Promise<void> {
  for (const m of members) {
    reloginAddress += 1;
    m.client = await signIn(t, m.user, { ip: `10.250.${reloginAddress % 250}.9` });
  }
}

/** A fresh client id (idempotency key) as the web app makes them. */
export function newClientId(): string {
  return `c${randomBytes(12).toString('hex')}`;
}

export const chatsUrl = '/api/v1/chats';
export const chatUrl = (chatId: string) => `${chatsUrl}/${chatId}`;
export const messagesUrl = (chatId: string, query = '') =>
  `${chatsUrl}/${chatId}/messages${query ? `?${query}` : ''}`;

/** Opens (or reuses) the chat about `nanoId` as `client` and returns the session. */
export async function openChat(client: TestClient, nanoId: string): Promise<ChatSession> {
  const res = await client.post(chatsUrl, { nanoId });
  expect([200, 201]).toContain(res.statusCode);
  return res.json<{ chat: ChatSession }>().chat;
}

/** Sends `text` as `client` (a new client id unless given). */
export function send(client: TestClient, chatId: string, text: string, clientId = newClientId()) {
  return client.post(messagesUrl(chatId), { text, clientId });
}

/** Sends `text` and expects it stored; returns the message. */
export async function sent(client: TestClient, chatId: string, text: string): Promise<ChatMessage> {
  const res = await send(client, chatId, text);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ChatMessage>();
}

export async function unread(client: TestClient): Promise<{ unread: number; chats: number }> {
  const res = await client.get(`${chatsUrl}/unread-count`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

export async function session(client: TestClient, chatId: string): Promise<ChatSession> {
  const res = await client.get(chatUrl(chatId));
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ChatSession>();
}

export async function history(client: TestClient, chatId: string, query = ''): Promise<ChatMessage[]> {
  const res = await client.get(messagesUrl(chatId, query));
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: ChatMessage[] }>().items;
}

/**
 * The events published for a user through the bus, as every instance's hub delivers them to the
 * user's sockets. `settle()` waits until nothing more arrives for a moment (Redis delivers
 * asynchronously).
 */
export async function recordEvents(t: TestApp, userId: string) {
  const events: ServerEvent[] = [];
  const unsubscribe = await t.platform.bus.subscribe(userChannel(userId), (event) => {
    events.push(event as ServerEvent);
  });
  return {
    events,
    /** The events of one type received so far. */
    of<T extends ServerEvent['type']>(type: T): Array<Extract<ServerEvent, { type: T }>> {
      return events.filter((e): e is Extract<ServerEvent, { type: T }> => e.type === type);
    },
    async settle(ms = 60): Promise<void> {
      let seen = -1;
      while (seen !== events.length) {
        seen = events.length;
        await new Promise((resolve) => setTimeout(resolve, ms));
      }
    },
    clear(): void {
      events.length = 0;
    },
    stop: unsubscribe,
  };
}

/** Makes the user count as connected (as the hub does on a WebSocket connect). */
export async function goOnline(t: TestApp, userId: string): Promise<void> {
  await t.platform.presence.touch(userId, 'test-instance', 10 * 60_000);
}

export async function goOffline(t: TestApp, userId: string): Promise<void> {
  await t.platform.presence.leave(userId, 'test-instance');
}

/** The chat notifications of a user, newest first, with their payloads and read state. */
export async function chatNotifications(
  t: TestApp,
  userId: string,
): Promise<
  Array<{ id: string; payload: Record<string, unknown>; read: boolean; emailStatus: string | null }>
> {
  const rows = await t.platform.database.db
    .selectFrom('notifications')
    .select(['id', 'payload', 'read_at', 'email_status'])
    .where('user_id', '=', userId)
    .where('type', '=', 'chat.message')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    payload: row.payload as Record<string, unknown>,
    read: row.read_at !== null,
    emailStatus: row.email_status,
  }));
}
