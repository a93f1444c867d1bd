import type { ChatMessage, ChatSession } from '@nano/contracts';

/** A time-ordered UUID like the server's (v7): ids made later sort higher, as message cursors need. */
export function createMessageId(at: number = Date.now()): string {
  const time = Math.floor(at).toString(16).padStart(12, '0');
  const random = crypto.randomUUID().replaceAll('-', '');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(13, 16)}-8${random.slice(17, 20)}-${random.slice(20, 32)}`;
}

/** One message as its reader sees it. */
export function createChatMessage(overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: createMessageId(),
    chatId: crypto.randomUUID(),
    senderId: crypto.randomUUID(),
    text: 'Hallo, ich habe eine Frage zu Ihrem Nano.',
    clientId: null,
    status: 'visible',
    createdAt: '2026-05-04T09:30:00.000Z',
    ...overrides,
  };
}

/** What a test may override of a session: any field, the Nano and the other party in part. */
export type ChatSessionOverrides = Partial<Omit<ChatSession, 'nano' | 'other'>> & {
  nano?: Partial<ChatSession['nano']>;
  other?: Partial<ChatSession['other']>;
};

/** A session as `GET /chats` lists it: the caller asks the creator "Clara Creator" about "Excel-Basics". */
export function createChatSession(overrides: ChatSessionOverrides = {}): ChatSession {
  const { nano, other: otherOverrides, lastMessage: lastMessageOverride, ...rest } = overrides;
  const id = rest.id ?? crypto.randomUUID();
  const other = {
    id: crypto.randomUUID(),
    username: 'clara',
    displayName: 'Clara Creator',
    avatarUrl: null,
    online: false,
    ...otherOverrides,
  };
  const lastMessage =
    lastMessageOverride === undefined
      ? createChatMessage({ chatId: id, senderId: other.id, text: 'Gern, was möchten Sie wissen?' })
      : lastMessageOverride;
  return {
    id,
    status: 'active',
    disabledReason: null,
    myRole: 'consumer',
    nano: {
      id: crypto.randomUUID(),
      title: 'Excel-Basics',
      slug: 'excel-basics',
      status: 'published',
      thumbnailUrl: null,
      ...nano,
    },
    other,
    lastMessage,
    unreadCount: 0,
    muted: false,
    otherLastReadId: null,
    canSend: true,
    createdAt: '2026-05-01T08:00:00.000Z',
    lastMessageAt: lastMessage?.createdAt ?? null,
    ...rest,
  };
}
