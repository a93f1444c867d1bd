import type { ServerEvent } from '@nano/contracts';
import { getUserCards } from '../identity/user-cards.ts';
import type { RealtimeHub } from '../realtime/realtime.types.ts';
import { chatCollapseKey } from './chat.constants.ts';
import type { ChatDeps } from './chat.deps.ts';
import { presentMessage, previewOf } from './chat.presenter.ts';
import * as sessions from './chat.repository.ts';
import type { ChatMessageRow } from './chat.tables.ts';

type Deps = Pick<ChatDeps, 'db' | 'realtime' | 'notifications'>;
/** Enough of the hub to publish (the archive job in a worker has no more). */
export type Publisher = { realtime: Pick<RealtimeHub, 'publishToUser'> };

/**
 * Publishes one event to one user. Real-time delivery is a hint on top of what is stored: a client
 * that misses it catches up by `resume` or polling, so a failed publish never fails the request.
 */
export async function publish(deps: Publisher, userId: string, event: ServerEvent): Promise<void> {
  try {
    await deps.realtime.publishToUser(userId, event);
  } catch {
    // The bus is down or slow: the hub counts the failure; clients resync from the database.
  }
}

/** `session.updated` to these users (both parties, or one party's other devices). */
export async function publishSessionUpdated(
  deps: Publisher,
  chatId: string,
  userIds: Array<string | null>,
): Promise<void> {
  const unique = [...new Set(userIds.filter((id): id is string => id !== null))];
  await Promise.all(unique.map((userId) => publish(deps, userId, { type: 'session.updated', chatId })));
}

/** Whether the user has a connection now; when presence cannot be asked, they count as offline (so they are notified). */
async function isOnline(deps: Pick<ChatDeps, 'realtime'>, userId: string): Promise<boolean> {
  try {
    return await deps.realtime.isOnline(userId);
  } catch {
    return false;
  }
}

/**
 * Tells the recipient of a visible message about it: in-app notification `chat.message` (and,
 * by their settings, the batched email) when they are not connected and have not muted the
 * session. Unread chat notifications of one session are one notification (collapse key), with the
 * number of messages in its payload.
 */
async function notifyRecipient(deps: Deps, message: ChatMessageRow, recipientId: string): Promise<void> {
  // Presence first: a connected recipient (the common case) costs no database query here.
  if (await isOnline(deps, recipientId)) {
    return;
  }
  const participants = await sessions.participantsOf(deps.db, message.chat_id);
  const recipient = participants.find((p) => p.user_id === recipientId);
  if (!recipient || recipient.muted) {
    return;
  }
  const session = await sessions.findSession(deps.db, message.chat_id);
  const nano = session ? await sessions.findNano(deps.db, session.nano_id) : undefined;
  const sender = message.sender_id
    ? (await getUserCards(deps.db, [message.sender_id])).get(message.sender_id)
    : undefined;
  await deps.notifications.notify({
    userId: recipientId,
    type: 'chat.message',
    payload: {
      chatId: message.chat_id,
      nanoId: session?.nano_id ?? null,
      nanoTitle: nano?.title ?? '',
      senderName: sender?.displayName ?? '',
      preview: previewOf(message.body),
    },
    collapseKey: chatCollapseKey(message.chat_id),
  });
}

/**
 * After a message was stored: `message.created` to the sender's connections (their other devices;
 * the sending one dedupes by client id) and, when the message is visible, to the recipient, who is
 * also notified if offline. A held message goes to nobody but its sender. A released message goes
 * to the recipient only (`toSender: false`; its sender gets `message.updated`).
 */
export async function deliverNewMessage(
  deps: Deps,
  message: ChatMessageRow,
  recipientId: string,
  options: { toSender: boolean } = { toSender: true },
): Promise<void> {
  if (message.sender_id && options.toSender) {
    await publish(deps, message.sender_id, {
      type: 'message.created',
      message: presentMessage(message, message.sender_id),
    });
  }
  if (message.status !== 'visible') {
    return;
  }
  await publish(deps, recipientId, {
    type: 'message.created',
    message: presentMessage(message, recipientId),
  });
  await notifyRecipient(deps, message, recipientId);
}
