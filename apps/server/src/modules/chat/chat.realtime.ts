import { CHAT_LIMITS, type Locale } from '@nano/contracts';
import { AppError, type ErrorCode } from '../../errors.ts';
import { PROBLEM_TITLES } from '../../i18n/problems.ts';
import type { RealtimeContext } from '../realtime/realtime.types.ts';
import { CHAT_MEMBERSHIP_CACHE_MAX, CHAT_MEMBERSHIP_CACHE_MS } from './chat.constants.ts';
import { publish } from './chat.delivery.ts';
import type { ChatDeps } from './chat.deps.ts';
import { presentMessage } from './chat.presenter.ts';
import * as sessions from './chat.repository.ts';
import { markRead } from './chat.service.ts';
import * as messages from './chat-messages.repository.ts';
import { sendMessage } from './chat-messages.service.ts';

/** The `error` event for a failed client message: the REST problem's code and localised title. */
function errorEvent(error: AppError, clientId: string | null, locale: Locale) {
  const code: ErrorCode = error.code;
  const retryAfter = error.options.headers?.['retry-after'];
  return {
    type: 'error' as const,
    clientId,
    code,
    message: PROBLEM_TITLES[locale][code],
    retryAfterSeconds: retryAfter ? Number(retryAfter) : null,
  };
}

/**
 * Who the other party of a user's session is, remembered for a minute: `typing` arrives several
 * times a minute per open conversation and must stay cheap. Bounded; starts over when full.
 */
function membershipCache(deps: Pick<ChatDeps, 'db' | 'clock'>) {
  const entries = new Map<string, { otherId: string | null; until: number }>();
  return async (userId: string, chatId: string): Promise<string | null> => {
    const key = `${chatId}:${userId}`;
    const now = deps.clock.now().getTime();
    const hit = entries.get(key);
    if (hit && hit.until > now) {
      return hit.otherId;
    }
    const view = await sessions.findSessionView(deps.db, userId, chatId);
    const otherId = view && view.status !== 'disabled' ? view.other_id : null;
    if (entries.size >= CHAT_MEMBERSHIP_CACHE_MAX) {
      entries.clear();
    }
    entries.set(key, { otherId, until: now + CHAT_MEMBERSHIP_CACHE_MS });
    return otherId;
  };
}

/**
 * Replays what a reconnecting client missed: every message of the user's sessions newer than
 * `lastMessageId` that they may read, oldest first, as `message.created`; at most
 * `CHAT_LIMITS.resumeMax`, and `resync` when there was more (the client then refetches). Always
 * ends with `resumed`.
 */
async function resume(deps: ChatDeps, context: RealtimeContext, lastMessageId: string | null): Promise<void> {
  if (lastMessageId === null) {
    context.send({ type: 'resumed', count: 0 });
    return;
  }
  const rows = await messages.missedMessages(
    deps.db,
    context.userId,
    lastMessageId,
    CHAT_LIMITS.resumeMax + 1,
  );
  const replay = rows.slice(0, CHAT_LIMITS.resumeMax);
  for (const row of replay) {
    context.send({ type: 'message.created', message: presentMessage(row, context.userId) });
  }
  if (rows.length > CHAT_LIMITS.resumeMax) {
    context.send({ type: 'resync' });
  }
  context.send({ type: 'resumed', count: replay.length });
}

/**
 * Registers the chat's client events on the hub: `message.send` (the same rules as REST, answered
 * with `ack` or `error`), `typing` (relayed to the other party), `read` and `resume`.
 */
export function registerChatHandlers(deps: ChatDeps): void {
  const otherPartyOf = membershipCache(deps);

  deps.realtime.handle('message.send', async (context, event) => {
    try {
      const sent = await sendMessage(deps, context.userId, event.chatId, {
        text: event.text,
        clientId: event.clientId,
      });
      context.send({ type: 'ack', clientId: event.clientId, message: sent.message });
    } catch (error) {
      // Expected refusals are answered here; anything else goes to the hub, which logs it and answers.
      if (!(error instanceof AppError)) {
        throw error;
      }
      context.send(errorEvent(error, event.clientId, context.locale));
    }
  });

  deps.realtime.handle('typing', async (context, event) => {
    const otherId = await otherPartyOf(context.userId, event.chatId);
    if (otherId) {
      await publish(deps, otherId, { type: 'typing', chatId: event.chatId, userId: context.userId });
    }
  });

  deps.realtime.handle('read', async (context, event) => {
    try {
      await markRead(deps, context.userId, event.chatId, event.upTo);
    } catch (error) {
      if (!(error instanceof AppError)) {
        throw error;
      }
      context.send(errorEvent(error, null, context.locale));
    }
  });

  deps.realtime.handle('resume', async (context, event) => {
    await resume(deps, context, event.lastMessageId);
  });
}
