import { createHash } from 'node:crypto';
import type {
  ChatMessage,
  flagMessageRequestSchema,
  flagSchema,
  messageListQuerySchema,
} from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError, errors } from '../../errors.ts';
import { createFlag } from '../flags/flags.service.ts';
import { requireSession } from './chat.access.ts';
import { CHAT_FILTER, CHAT_RATE_WINDOW_MS } from './chat.constants.ts';
import { holdReasons, normalizeForRepeat } from './chat.content-filter.ts';
import { deliverNewMessage, publishSessionUpdated } from './chat.delivery.ts';
import type { ChatDeps } from './chat.deps.ts';
import { presentMessage } from './chat.presenter.ts';
import * as sessions from './chat.repository.ts';
import * as repo from './chat-messages.repository.ts';

type ListQuery = z.output<typeof messageListQuerySchema>;
type FlagInput = z.output<typeof flagMessageRequestSchema>;
type Flag = z.output<typeof flagSchema>;

/** What sending returns: the stored message, and whether this call stored it (false: a repeat of its client id). */
export interface SentMessage {
  message: ChatMessage;
  created: boolean;
}

/**
 * Counts one message against the sender's limit, shared by every instance through the cache. The
 * window is the clock's current minute, so the limit resets on the minute for everyone and tests
 * move it with their clock; the key lives one window.
 */
async function takeRateLimit(deps: ChatDeps, userId: string): Promise<void> {
  const now = deps.clock.now().getTime();
  const windowStart = Math.floor(now / CHAT_RATE_WINDOW_MS) * CHAT_RATE_WINDOW_MS;
  const { count } = await deps.cache.increment(`chat:rate:${userId}:${windowStart}`, CHAT_RATE_WINDOW_MS);
  if (count > deps.settings.messagesPerMinute) {
    const retryAfter = Math.max(1, Math.ceil((windowStart + CHAT_RATE_WINDOW_MS - now) / 1000));
    throw new AppError('chat_rate_limited', {
      headers: { 'retry-after': String(retryAfter) },
      extensions: { retryAfterSeconds: retryAfter },
    });
  }
}

/**
 * How often the sender already sent this text (compared as {@link normalizeForRepeat} does) within
 * the repeat window, counting this one in: a counter in the shared cache, so the check costs no
 * database query and holds across instances.
 */
async function earlierRepeats(deps: ChatDeps, userId: string, text: string): Promise<number> {
  const digest = createHash('sha256').update(normalizeForRepeat(text)).digest('base64url');
  const { count } = await deps.cache.increment(`chat:repeat:${userId}:${digest}`, CHAT_FILTER.repeatWindowMs);
  return count - 1;
}

/** The answer to a repeated client id: the stored message, unless the id was used in another session. */
async function repeatedMessage(
  deps: ChatDeps,
  userId: string,
  chatId: string,
  messageId: string,
): Promise<SentMessage> {
  const existing = await repo.findMessage(deps.db, messageId);
  if (!existing) {
    throw errors.conflict();
  }
  if (existing.chat_id !== chatId) {
    throw new AppError('chat_client_id_reused');
  }
  return { message: presentMessage(existing, userId), created: false };
}

/**
 * Sends a message (REST and WebSocket alike). Idempotent by the sender's `clientId`: a repeat
 * returns the stored message, does not count against the limit and delivers nothing again. Refused
 * when the sender's account is not active (a socket may outlive a suspension), when a moderator
 * disabled the session, and beyond the rate limit. The content filter may hold the message for
 * review. The message is committed before this returns, so the acknowledgement never promises
 * more than is stored; an archived session becomes active again. Delivery follows the commit.
 */
export async function sendMessage(
  deps: ChatDeps,
  userId: string,
  chatId: string,
  input: { text: string; clientId: string },
): Promise<SentMessage> {
  // One query for the session, the account and a repeated client id: sending is the hot path.
  const context = await repo.senderContext(deps.db, userId, chatId, input.clientId);
  if (!context) {
    throw errors.notFound();
  }
  if (context.repeated_id) {
    return repeatedMessage(deps, userId, chatId, context.repeated_id);
  }
  if (context.account_status !== 'active') {
    throw new AppError('account_suspended');
  }
  if (context.status === 'disabled') {
    throw new AppError('chat_disabled');
  }
  await takeRateLimit(deps, userId);
  const reasons = holdReasons(input.text, {
    blockedDomains: deps.settings.blockedDomains,
    earlierRepeats: await earlierRepeats(deps, userId, input.text),
  });
  const status = reasons.length > 0 ? 'held' : 'visible';
  const now = deps.clock.now();

  const stored = await deps.db.transaction().execute(async (trx) => {
    const previous = await repo.touchSessionForMessage(trx, chatId, now, status === 'visible');
    if (!previous) {
      throw new AppError('chat_disabled');
    }
    const row = await repo.insertMessage(trx, {
      id: uuidv7(),
      chat_id: chatId,
      sender_id: userId,
      client_id: input.clientId,
      body: input.text,
      status,
      hold_reasons: reasons,
      created_at: now,
    });
    if (!row) {
      return { row: undefined, reactivated: false };
    }
    // Writing is reading: the sender's own message moves their marker.
    await sessions.advanceReadMarker(trx, chatId, userId, row.id, now);
    return { row, reactivated: previous === 'archived' };
  });

  if (!stored.row) {
    // The same client id arrived twice at once; the other request stored (and delivers) it.
    const winner = await repo.findByClientId(deps.db, userId, input.clientId);
    if (!winner) {
      throw errors.conflict();
    }
    return repeatedMessage(deps, userId, chatId, winner.id);
  }
  await deliverNewMessage(deps, stored.row, context.other_id);
  if (stored.reactivated) {
    await publishSessionUpdated(deps, chatId, [userId, context.other_id]);
  }
  return { message: presentMessage(stored.row, userId), created: true };
}

/**
 * A page of a session's history for one of its parties, newest first: visible messages and the
 * caller's own held or rejected ones. `nextBefore` continues with older messages (null at the
 * start, and for `after` pages, which poll for newer ones).
 */
export async function listMessages(
  deps: ChatDeps,
  userId: string,
  chatId: string,
  query: ListQuery,
): Promise<{ items: ChatMessage[]; nextBefore: string | null }> {
  await requireSession(deps, userId, chatId);
  if (query.after) {
    const rows = await repo.listMessages(deps.db, chatId, userId, {
      before: query.before,
      after: query.after,
      limit: query.limit,
    });
    return { items: rows.map((row) => presentMessage(row, userId)), nextBefore: null };
  }
  // One more than the page shows tells whether older messages follow.
  const rows = await repo.listMessages(deps.db, chatId, userId, {
    before: query.before,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((row) => presentMessage(row, userId)),
    nextBefore: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/**
 * The message a user wants to report, when they may: one of its session's parties and the
 * message visible. Otherwise not found. Returns its sender (the caller refuses reporting oneself);
 * `POST /flags` of the moderation module uses it too.
 */
export async function messageToFlag(
  deps: Pick<ChatDeps, 'db'>,
  userId: string,
  messageId: string,
): Promise<{ senderId: string | null }> {
  const message = await repo.findMessage(deps.db, messageId);
  if (!message) {
    throw errors.notFound();
  }
  await requireSession(deps, userId, message.chat_id);
  if (message.sender_id !== userId && message.status !== 'visible') {
    throw errors.notFound();
  }
  return { senderId: message.sender_id };
}

/**
 * A participant reports a message of the other party to the moderators (one open flag per
 * reporter and message). Messages the caller cannot read are not found; their own cannot be flagged.
 */
export async function flagMessage(
  deps: ChatDeps,
  userId: string,
  messageId: string,
  input: FlagInput,
): Promise<Flag> {
  const { senderId } = await messageToFlag(deps, userId, messageId);
  if (senderId === userId) {
    throw new AppError('flag_own_message');
  }
  return createFlag(deps.db, deps.clock.now(), {
    reporterId: userId,
    targetType: 'message',
    targetId: messageId,
    reason: input.reason,
    description: input.description,
  });
}
