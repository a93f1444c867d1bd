import type { ChatMessage, heldMessageListSchema, heldMessageSchema, Locale } from '@nano/contracts';
import type { z } from 'zod';
import { AppError, errors } from '../../errors.ts';
import { flaggedTargets, openFlagsByTarget, resolveFlags } from '../flags/flags.service.ts';
import type { AuthContext } from '../identity/session.service.ts';
import { getUserCards } from '../identity/user-cards.ts';
import { deliverNewMessage, publish, publishSessionUpdated } from './chat.delivery.ts';
import type { ChatDeps } from './chat.deps.ts';
import { DELETED_USER_NAME, presentMessage } from './chat.presenter.ts';
import * as sessions from './chat.repository.ts';
import type { ChatMessageRow } from './chat.tables.ts';
import * as repo from './chat-messages.repository.ts';

type HeldMessage = z.output<typeof heldMessageSchema>;
type HeldMessageList = z.output<typeof heldMessageListSchema>;

/** Who acts, for the audit log. */
export interface ModeratorContext {
  auth: AuthContext;
  ip: string;
  userAgent: string | undefined;
  locale: Locale;
}

function auditBase(context: ModeratorContext) {
  return { actorId: context.auth.userId, ip: context.ip, userAgent: context.userAgent ?? null };
}

/** The other party of a message's session: the recipient (unknown once the sender's account is erased). */
function recipientOf(
  message: ChatMessageRow,
  session: { consumer_id: string; creator_id: string },
): string | null {
  if (message.sender_id === null) {
    return null;
  }
  return message.sender_id === session.consumer_id ? session.creator_id : session.consumer_id;
}

/** Presents messages for the moderation lists with their session, both parties and open flags. */
async function presentQueue(deps: ChatDeps, rows: ChatMessageRow[], locale: Locale): Promise<HeldMessage[]> {
  const summaries = await sessions.sessionSummaries(
    deps.db,
    rows.map((row) => row.chat_id),
  );
  const people = [...summaries.values()].flatMap((s) => [s.consumer_id, s.creator_id]);
  const cards = await getUserCards(deps.db, people);
  const flags = await openFlagsByTarget(
    deps.db,
    'message',
    rows.map((row) => row.id),
  );
  const person = (id: string | null) => ({
    id,
    displayName: id ? (cards.get(id)?.displayName ?? DELETED_USER_NAME[locale]) : DELETED_USER_NAME[locale],
  });
  return rows.flatMap((row) => {
    const session = summaries.get(row.chat_id);
    if (!session) {
      return [];
    }
    return [
      {
        message: presentMessage(row, null),
        holdReasons: row.hold_reasons,
        chat: { id: row.chat_id, status: session.status, nanoTitle: session.nano_title },
        sender: person(row.sender_id),
        recipient: person(recipientOf(row, session)),
        flags: (flags.get(row.id) ?? []).map((flag) => ({
          reason: flag.reason,
          description: flag.description,
          createdAt: flag.createdAt,
        })),
      },
    ];
  });
}

/**
 * The moderators' lists: messages the filter held (the longest waiting first), or messages with
 * open flags. Reading other people's messages is audited: every view records which ones were shown.
 */
export async function listModerationQueue(
  deps: ChatDeps,
  context: ModeratorContext,
  query: { status: 'held' | 'flagged'; page: number; pageSize: number },
): Promise<HeldMessageList> {
  const offset = (query.page - 1) * query.pageSize;
  let rows: ChatMessageRow[];
  let total: number;
  if (query.status === 'held') {
    ({ rows, total } = await repo.heldMessages(deps.db, offset, query.pageSize));
  } else {
    const targets = await flaggedTargets(deps.db, 'message', { offset, limit: query.pageSize });
    rows = await repo.messagesByIds(deps.db, targets.ids);
    total = targets.total;
  }
  const items = await presentQueue(deps, rows, context.locale);
  await deps.audit.record({
    ...auditBase(context),
    action: 'chat.queue_viewed',
    targetType: 'chat_message',
    details: { list: query.status, page: query.page, messageIds: rows.map((row) => row.id) },
  });
  return { items, total };
}

/**
 * A moderator's decision on a held or flagged message. `release`: a held message becomes visible
 * and reaches the recipient as if just sent (event and notification); a flagged one stays. `reject`:
 * the message becomes `rejected` (only its sender still sees it, marked). Its open flags are
 * resolved with the decision. A message that is neither held nor flagged is already decided (409).
 */
export async function decideMessage(
  deps: ChatDeps,
  context: ModeratorContext,
  messageId: string,
  decision: 'release' | 'reject',
): Promise<ChatMessage> {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const message = await repo.lockMessage(trx, messageId);
    if (!message) {
      throw errors.notFound();
    }
    const session = await sessions.findSession(trx, message.chat_id);
    if (!session) {
      throw errors.notFound();
    }
    const resolved = await resolveFlags(
      trx,
      { type: 'message', id: messageId },
      { resolution: decision, resolvedBy: context.auth.userId, at: now },
    );
    if (message.status !== 'held' && resolved === 0) {
      throw new AppError('chat_message_not_pending');
    }
    let updated = message;
    if (decision === 'reject' && message.status !== 'rejected') {
      updated = await repo.updateMessage(trx, messageId, {
        status: 'rejected',
        reviewed_by: context.auth.userId,
        reviewed_at: now,
      });
    } else if (decision === 'release' && message.status === 'held') {
      updated = await repo.updateMessage(trx, messageId, {
        status: 'visible',
        reviewed_by: context.auth.userId,
        reviewed_at: now,
      });
      await repo.touchLastMessage(trx, message.chat_id, now);
    }
    await deps.audit.record(
      {
        ...auditBase(context),
        action: decision === 'release' ? 'chat.message_released' : 'chat.message_rejected',
        targetType: 'chat_message',
        targetId: messageId,
        details: { chatId: message.chat_id, before: message.status, flagsResolved: resolved },
      },
      trx,
    );
    return { before: message, after: updated, recipientId: recipientOf(message, session) };
  });

  const { before, after, recipientId } = result;
  if (after.sender_id && before.status !== after.status) {
    await publish(deps, after.sender_id, {
      type: 'message.updated',
      message: presentMessage(after, after.sender_id),
    });
  }
  if (recipientId && before.status === 'held' && after.status === 'visible') {
    // For the recipient it is new: created event, notification, unread count.
    await deliverNewMessage(deps, after, recipientId, { toSender: false });
  } else if (recipientId && before.status === 'visible' && after.status === 'rejected') {
    // The recipient had it: their view of the session changes.
    await publishSessionUpdated(deps, after.chat_id, [recipientId]);
  }
  return presentMessage(after, null);
}

/**
 * Disables a session: no new messages from either side; both see the reason (`session.updated`).
 * Disabling again replaces the reason.
 */
export async function disableChat(
  deps: ChatDeps,
  context: ModeratorContext,
  chatId: string,
  reason: string,
): Promise<void> {
  const now = deps.clock.now();
  const session = await deps.db.transaction().execute(async (trx) => {
    const locked = await sessions.lockSession(trx, chatId);
    if (!locked) {
      throw errors.notFound();
    }
    await sessions.updateSession(trx, chatId, {
      status: 'disabled',
      disabled_reason: reason,
      disabled_by: context.auth.userId,
      disabled_at: now,
      updated_at: now,
    });
    await deps.audit.record(
      {
        ...auditBase(context),
        action: 'chat.session_disabled',
        targetType: 'chat',
        targetId: chatId,
        details: { reason },
      },
      trx,
    );
    return locked;
  });
  await publishSessionUpdated(deps, chatId, [session.consumer_id, session.creator_id]);
}

/** Enables a disabled session again (active; the archive job archives it later if it stays idle). */
export async function enableChat(deps: ChatDeps, context: ModeratorContext, chatId: string): Promise<void> {
  const now = deps.clock.now();
  const session = await deps.db.transaction().execute(async (trx) => {
    const locked = await sessions.lockSession(trx, chatId);
    if (!locked) {
      throw errors.notFound();
    }
    if (locked.status !== 'disabled') {
      return undefined;
    }
    await sessions.updateSession(trx, chatId, {
      status: 'active',
      disabled_reason: null,
      disabled_by: null,
      disabled_at: null,
      updated_at: now,
    });
    await deps.audit.record(
      { ...auditBase(context), action: 'chat.session_enabled', targetType: 'chat', targetId: chatId },
      trx,
    );
    return locked;
  });
  if (session) {
    await publishSessionUpdated(deps, chatId, [session.consumer_id, session.creator_id]);
  }
}
