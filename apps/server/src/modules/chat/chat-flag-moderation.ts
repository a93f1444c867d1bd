import type { MessageStatus } from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { getUserCards } from '../identity/user-cards.ts';
import { type Publisher, publish, publishSessionUpdated } from './chat.delivery.ts';
import { presentMessage } from './chat.presenter.ts';
import * as sessions from './chat.repository.ts';
import type { ChatMessageRow } from './chat.tables.ts';
import * as repo from './chat-messages.repository.ts';

type Db = Kysely<Database>;

/** A chat message as moderation sees it (flags, decisions, appeals). */
export interface MessageSubject {
  id: string;
  chatId: string;
  /** The Nano the chat is about. */
  nanoId: string;
  nanoTitle: string;
  /** Null once the sender's account is erased. */
  senderId: string | null;
  consumerId: string;
  creatorId: string;
  body: string;
  status: MessageStatus;
  createdAt: Date;
}

/** The message with its session; undefined when it does not exist. */
export async function messageSubject(db: Db, messageId: string): Promise<MessageSubject | undefined> {
  const message = await repo.findMessage(db, messageId);
  if (!message) {
    return undefined;
  }
  const session = await sessions.findSession(db, message.chat_id);
  const summary = (await sessions.sessionSummaries(db, [message.chat_id])).get(message.chat_id);
  if (!session || !summary) {
    return undefined;
  }
  return {
    id: message.id,
    chatId: message.chat_id,
    nanoId: session.nano_id,
    nanoTitle: summary.nano_title,
    senderId: message.sender_id,
    consumerId: session.consumer_id,
    creatorId: session.creator_id,
    body: message.body,
    status: message.status,
    createdAt: message.created_at,
  };
}

/** One message of the conversation around a flagged one, for the moderator. */
export interface ContextMessage {
  id: string;
  sender: string;
  text: string;
  createdAt: string;
}

/**
 * The conversation around a message for the moderation tools: up to `count` messages before and
 * after it, oldest first, with the senders' display names (read only; the caller audits the view).
 */
export async function conversationAround(
  db: Db,
  message: Pick<MessageSubject, 'id' | 'chatId'>,
  count: number,
  deletedName: string,
): Promise<ContextMessage[]> {
  const rows = await repo.messagesAround(db, message.chatId, message.id, count);
  const cards = await getUserCards(
    db,
    rows.map((row) => row.sender_id).filter((id): id is string => id !== null),
  );
  return rows.map((row) => ({
    id: row.id,
    sender: row.sender_id ? (cards.get(row.sender_id)?.displayName ?? deletedName) : deletedName,
    text: row.body,
    createdAt: row.created_at.toISOString(),
  }));
}

/** A message moved by moderation, for {@link announceModeratedMessage} after the commit. */
export interface ModeratedMessage {
  before: ChatMessageRow;
  after: ChatMessageRow;
  recipientId: string | null;
}

/**
 * Sets a message's status for a moderation decision in the caller's transaction: `rejected` (a
 * flag decided to hide or delete it: only its sender still sees it, marked) or `visible` again (an
 * appeal reversed that). Writes no audit event (the caller does).
 */
export async function setMessageStatusByModeration(
  db: Db,
  input: { messageId: string; status: 'rejected' | 'visible'; by: string | null; now: Date },
): Promise<ModeratedMessage> {
  const message = await repo.lockMessage(db, input.messageId);
  if (!message) {
    throw new AppError('not_found');
  }
  const session = await sessions.findSession(db, message.chat_id);
  const recipientId =
    session && message.sender_id
      ? message.sender_id === session.consumer_id
        ? session.creator_id
        : session.consumer_id
      : null;
  if (message.status === input.status) {
    return { before: message, after: message, recipientId };
  }
  const after = await repo.updateMessage(db, message.id, {
    status: input.status,
    reviewed_by: input.by,
    reviewed_at: input.now,
  });
  return { before: message, after, recipientId };
}

/** Tells both parties' open clients about a message moderation changed (after the commit). */
export async function announceModeratedMessage(deps: Publisher, moved: ModeratedMessage): Promise<void> {
  const { before, after, recipientId } = moved;
  if (before.status === after.status) {
    return;
  }
  if (after.sender_id) {
    await publish(deps, after.sender_id, {
      type: 'message.updated',
      message: presentMessage(after, after.sender_id),
    });
  }
  await publishSessionUpdated(deps, after.chat_id, [recipientId]);
}
