import type {
  ChatSession,
  chatListQuerySchema,
  openChatRequestSchema,
  openChatResponseSchema,
} from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError, errors } from '../../errors.ts';
import { canSee } from '../catalog/catalog.deps.ts';
import type { AuthContext } from '../identity/session.service.ts';
import { getUserCards } from '../identity/user-cards.ts';
import { requireSession } from './chat.access.ts';
import { CHAT_INBOX_MAX, chatCollapseKey } from './chat.constants.ts';
import { publish, publishSessionUpdated } from './chat.delivery.ts';
import type { ChatDeps } from './chat.deps.ts';
import { presentSession } from './chat.presenter.ts';
import type { SessionViewRow } from './chat.repository.ts';
import * as repo from './chat.repository.ts';
import * as messages from './chat-messages.repository.ts';
import { sendMessage } from './chat-messages.service.ts';

type ListQuery = z.output<typeof chatListQuerySchema>;
type OpenInput = z.output<typeof openChatRequestSchema>;
type OpenResult = z.output<typeof openChatResponseSchema>;

async function onlineOf(deps: Pick<ChatDeps, 'realtime'>, userIds: string[]): Promise<Map<string, boolean>> {
  const unique = [...new Set(userIds)];
  const states = await Promise.all(unique.map((id) => deps.realtime.isOnline(id).catch(() => false)));
  return new Map(unique.map((id, i) => [id, states[i] ?? false]));
}

/** Presents sessions for one viewer, loading cards, last messages, unread counts and read ticks once for all. */
async function presentSessions(
  deps: ChatDeps,
  viewerId: string,
  rows: SessionViewRow[],
): Promise<ChatSession[]> {
  const ids = rows.map((row) => row.id);
  const otherIds = rows.map((row) => row.other_id);
  const cards = await getUserCards(deps.db, otherIds);
  const lastMessages = await messages.lastMessagesOf(deps.db, viewerId, ids);
  const unread = await repo.unreadCounts(deps.db, viewerId, ids);
  const readByOther = await repo.readByOther(deps.db, viewerId, ids);
  const online = await onlineOf(deps, otherIds);
  const viewerActive = (await repo.accountStatus(deps.db, viewerId)) === 'active';
  return rows.map((row) =>
    presentSession(row, { viewerId, cards, online, lastMessages, unread, readByOther, viewerActive }),
  );
}

/** One session of the caller. */
export async function getChat(deps: ChatDeps, userId: string, chatId: string): Promise<ChatSession> {
  const row = await requireSession(deps, userId, chatId);
  const [session] = await presentSessions(deps, userId, [row]);
  return session as ChatSession;
}

/**
 * The caller's inbox: `active` lists active and disabled sessions (the latter read-only with the
 * moderators' reason), `archived` the archived ones; newest conversation first, optionally only
 * those matching `q` (the other party's name or the Nano's title).
 */
export async function listChats(
  deps: ChatDeps,
  auth: AuthContext,
  query: ListQuery,
): Promise<{ items: ChatSession[] }> {
  const rows = await repo.listSessionViews(deps.db, auth.userId, {
    statuses: query.status === 'archived' ? ['archived'] : ['active', 'disabled'],
    q: query.q,
    limit: CHAT_INBOX_MAX,
  });
  return { items: await presentSessions(deps, auth.userId, rows) };
}

/**
 * The session id of the trio (the Nano, the caller as consumer, its creator), creating the session
 * if there is none. A new session needs a published Nano the caller did not create; an existing one
 * is reused whatever became of the Nano since.
 */
async function openSession(
  deps: ChatDeps,
  auth: AuthContext,
  nanoId: string,
): Promise<{ id: string; reused: boolean }> {
  const existing = await repo.findSessionByTrio(deps.db, nanoId, auth.userId);
  if (existing) {
    return { id: existing.id, reused: true };
  }
  const nano = await repo.findNano(deps.db, nanoId);
  if (!nano || !canSee(auth, nano)) {
    throw errors.notFound();
  }
  if (nano.creator_id === auth.userId) {
    throw new AppError('chat_own_nano');
  }
  if (nano.status !== 'published') {
    throw new AppError('chat_nano_not_published');
  }
  const now = deps.clock.now();
  const created = await deps.db.transaction().execute(async (trx) => {
    const session = await repo.insertSession(trx, {
      id: uuidv7(),
      nano_id: nano.id,
      consumer_id: auth.userId,
      creator_id: nano.creator_id,
      last_activity_at: now,
      created_at: now,
      updated_at: now,
    });
    if (session) {
      await repo.insertParticipants(trx, [
        { chat_id: session.id, user_id: auth.userId, role: 'consumer' },
        { chat_id: session.id, user_id: nano.creator_id, role: 'creator' },
      ]);
    }
    return session;
  });
  if (created) {
    return { id: created.id, reused: false };
  }
  // Another request of the same consumer opened it a moment ago.
  const raced = await repo.findSessionByTrio(deps.db, nanoId, auth.userId);
  if (!raced) {
    throw errors.conflict();
  }
  return { id: raced.id, reused: true };
}

/** `POST /chats`: opens or reuses the session about a Nano and sends the first message when given. */
export async function openChat(deps: ChatDeps, auth: AuthContext, input: OpenInput): Promise<OpenResult> {
  const session = await openSession(deps, auth, input.nanoId);
  const sent = input.message ? await sendMessage(deps, auth.userId, session.id, input.message) : null;
  return {
    chat: await getChat(deps, auth.userId, session.id),
    message: sent?.message ?? null,
    reused: session.reused,
  };
}

/** Mutes or unmutes the session for the caller (no notifications while muted). */
export async function setMuted(
  deps: ChatDeps,
  auth: AuthContext,
  chatId: string,
  muted: boolean,
): Promise<ChatSession> {
  await requireSession(deps, auth.userId, chatId);
  await repo.updateParticipant(deps.db, chatId, auth.userId, { muted });
  await publishSessionUpdated(deps, chatId, [auth.userId]);
  return getChat(deps, auth.userId, chatId);
}

/**
 * Everything up to and including `upTo` (a message of the session the caller may read) is read.
 * The marker never moves back. When it moved: `message.read` to the other party (read ticks) and
 * to the caller's other devices (badges); once nothing of the session is unread, its chat
 * notification is marked read too.
 */
export async function markRead(deps: ChatDeps, userId: string, chatId: string, upTo: string): Promise<void> {
  const session = await requireSession(deps, userId, chatId);
  const message = await messages.findMessage(deps.db, upTo);
  if (
    !message ||
    message.chat_id !== chatId ||
    (message.status !== 'visible' && message.sender_id !== userId)
  ) {
    throw errors.notFound();
  }
  const moved = await repo.advanceReadMarker(deps.db, chatId, userId, upTo, deps.clock.now());
  if (!moved) {
    return;
  }
  const event = { type: 'message.read', chatId, userId, upTo } as const;
  await Promise.all([publish(deps, session.other_id, event), publish(deps, userId, event)]);
  const unread = await repo.unreadCounts(deps.db, userId, [chatId]);
  if ((unread.get(chatId) ?? 0) === 0) {
    await deps.notifications.markReadByKey(userId, chatCollapseKey(chatId));
  }
}

/** The caller's unread messages over all sessions, and in how many sessions they are. */
export async function unreadCount(
  deps: Pick<ChatDeps, 'db'>,
  userId: string,
): Promise<{ unread: number; chats: number }> {
  const counts = await repo.unreadCounts(deps.db, userId);
  let unread = 0;
  let chats = 0;
  for (const n of counts.values()) {
    unread += n;
    chats += n > 0 ? 1 : 0;
  }
  return { unread, chats };
}
