import type { ChatMessage, ChatSession } from '@nano/contracts';
import { createChatMessage, createChatSession, createMessageId } from '../../../testing/chat-factories.ts';
import { createCurrentUser } from '../../../testing/factories.ts';
import { type MockRoutes, mockApi } from '../../../testing/mock-api.ts';

/** The signed-in reader of every conversation test: the consumer Anna. */
export const anna = createCurrentUser();

/** Today at `hours`:`minutes` local time (may lie ahead of now: the view does not care). */
export function todayAt(hours: number, minutes = 0): Date {
  const date = new Date();
  date.setHours(hours, minutes, 0, 0);
  return date;
}

/** Yesterday at `hours`:00 local time. */
export function yesterdayAt(hours: number): Date {
  const date = todayAt(hours);
  date.setDate(date.getDate() - 1);
  return date;
}

/** A message of the conversation `chat` written `when` by `from` (the other party unless `anna`). */
export function chatMessage(
  chat: ChatSession,
  when: Date,
  text: string,
  overrides: Partial<ChatMessage> & { from?: 'anna' | 'other' } = {},
): ChatMessage {
  const { from = 'other', ...rest } = overrides;
  const at = when.getTime();
  return createChatMessage({
    id: createMessageId(at),
    chatId: chat.id,
    senderId: from === 'anna' ? anna.id : chat.other.id,
    text,
    createdAt: new Date(at).toISOString(),
    ...rest,
  });
}

interface ConversationMockOptions {
  chat?: Partial<ChatSession>;
  /** The history, newest first as the server pages it, and a builder once the chat exists. */
  history?: (chat: ChatSession) => { items: ChatMessage[]; nextBefore?: string | null }[];
  routes?: (chat: ChatSession) => MockRoutes;
}

/**
 * The API of one conversation: Anna signed in, the session, its history pages (the first for
 * a request without `before`, the next ones for each `before` in turn), and read receipts.
 */
export function mockConversation({ chat: overrides = {}, history, routes }: ConversationMockOptions = {}) {
  const chat = createChatSession({ lastMessage: null, ...overrides });
  const pages = history?.(chat) ?? [{ items: [] }];
  const page = (index: number) => {
    const found = pages[index] ?? { items: [] };
    return { items: found.items, nextBefore: found.nextBefore ?? null };
  };
  const api = mockApi({
    'GET /api/v1/auth/me': () => anna,
    [`GET /api/v1/chats/${chat.id}`]: () => chat,
    [`GET /api/v1/chats/${chat.id}/messages`]: ({ url }) => {
      const before = url.searchParams.get('before');
      if (url.searchParams.get('after')) {
        return { items: [], nextBefore: null };
      }
      if (!before) {
        return page(0);
      }
      const index = pages.findIndex((candidate) => candidate.nextBefore === before);
      return page(index + 1);
    },
    [`POST /api/v1/chats/${chat.id}/read`]: () => new Response(null, { status: 204 }),
    ...routes?.(chat),
  });
  return { chat, api };
}
