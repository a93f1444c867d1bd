import { z } from 'zod';
import { pageQuerySchema } from './common.ts';
import { nanoStatusSchema } from './nanos.ts';

/** Limits of the chat (SPEC §4.5). Every number the chat enforces is named here once. */
export const CHAT_LIMITS = {
  /** Characters of a message after trimming. */
  messageMin: 1,
  messageMax: 1000,
  /** Messages one user may send per minute, across all sessions and instances. */
  messagesPerMinute: 10,
  /** A session without a message for this many days is archived (read-only until a new message). */
  archiveAfterDays: 30,
  /** Largest page of message history. */
  pageMax: 100,
  /** Default page of message history. */
  pageDefault: 30,
  /** Length of a client-chosen message id (idempotency key). */
  clientIdMax: 64,
  /** Characters of a flag's description. */
  flagDescriptionMax: 1000,
  /** Characters of the reason a moderator gives when disabling a session. */
  disableReasonMax: 500,
  /** Characters of the last-message preview in the inbox and in notifications. */
  previewMax: 120,
  /** The server sends `ping` this often; a connection that has not answered by the next one is closed. */
  heartbeatSeconds: 25,
  /** The web client polls this often while the WebSocket is unavailable. */
  pollSeconds: 10,
  /** At most this many missed messages are replayed on resume; more → `resync`. */
  resumeMax: 500,
} as const;

export const CHAT_STATUSES = ['active', 'archived', 'disabled'] as const;
export const chatStatusSchema = z.enum(CHAT_STATUSES);
export type ChatStatus = z.infer<typeof chatStatusSchema>;

/** `visible`: delivered; `held`: the content filter held it for review (only the sender sees it); `rejected`: a moderator rejected it. */
export const MESSAGE_STATUSES = ['visible', 'held', 'rejected'] as const;
export const messageStatusSchema = z.enum(MESSAGE_STATUSES);
export type MessageStatus = z.infer<typeof messageStatusSchema>;

/** Why the content filter held a message. */
export const HOLD_REASONS = ['profanity', 'blocked_link', 'too_many_links', 'repeated'] as const;
export const holdReasonSchema = z.enum(HOLD_REASONS);
export type HoldReason = z.infer<typeof holdReasonSchema>;

/**
 * The length of a message as the limits count it: Unicode code points, so an emoji such as 😀 counts
 * once (not as two UTF-16 units) — the same count as PostgreSQL's `char_length` and the composer's counter.
 */
export function messageLength(text: string): number {
  return [...text].length;
}

/** Message text: trimmed, 1–1000 characters (code points; emoji allowed), stored and shown as plain text. */
export const messageTextSchema = z
  .string()
  .trim()
  .min(CHAT_LIMITS.messageMin)
  .superRefine((text, ctx) => {
    if (messageLength(text) > CHAT_LIMITS.messageMax) {
      ctx.addIssue({
        code: 'too_big',
        origin: 'string',
        maximum: CHAT_LIMITS.messageMax,
        inclusive: true,
        input: text,
      });
    }
  });

/** A client-chosen id per message; sending again with the same id returns the stored message. */
export const clientIdSchema = z
  .string()
  .min(8)
  .max(CHAT_LIMITS.clientIdMax)
  .regex(/^[A-Za-z0-9_-]+$/);

/** `POST /chats`: open (or reuse) the session about a Nano with its creator, optionally with a first message. */
export const openChatRequestSchema = z.object({
  nanoId: z.uuid(),
  message: z.object({ text: messageTextSchema, clientId: clientIdSchema }).optional(),
});
export type OpenChatRequest = z.input<typeof openChatRequestSchema>;

/** `POST /chats/{id}/messages`. */
export const sendMessageRequestSchema = z.object({
  text: messageTextSchema,
  clientId: clientIdSchema,
});
export type SendMessageRequest = z.input<typeof sendMessageRequestSchema>;

/** `POST /chats/{id}/read`: everything up to and including this message is read. */
export const markChatReadRequestSchema = z.object({ upTo: z.uuid() });

/** `PATCH /chats/{id}`. */
export const updateChatRequestSchema = z.object({ muted: z.boolean() });

/** `GET /chats?status=&q=`: `active` also lists disabled sessions (read-only, with the reason). */
export const chatListQuerySchema = z.object({
  status: z.enum(['active', 'archived']).default('active'),
  /** Matches the other party's name or the Nano's title. */
  q: z.string().trim().max(100).optional(),
});

/** `GET /chats/{id}/messages?before=&after=&limit=`: newest first; `after` returns messages newer than it (polling, resume). */
export const messageListQuerySchema = z.object({
  before: z.uuid().optional(),
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(CHAT_LIMITS.pageMax).default(CHAT_LIMITS.pageDefault),
});

/** `GET /chats/{id}/transcript?format=`. */
export const transcriptQuerySchema = z.object({ format: z.enum(['txt', 'pdf']).default('txt') });

/** Reasons a user can give when flagging content (shared with the moderation queue). */
export const FLAG_REASONS = [
  'spam',
  'harassment',
  'hate',
  'illegal',
  'copyright',
  'privacy',
  'other',
] as const;
export const flagReasonSchema = z.enum(FLAG_REASONS);
export type FlagReason = z.infer<typeof flagReasonSchema>;

/** `POST /messages/{id}/flag`. */
export const flagMessageRequestSchema = z.object({
  reason: flagReasonSchema,
  description: z.string().trim().max(CHAT_LIMITS.flagDescriptionMax).default(''),
});
export type FlagMessageRequest = z.input<typeof flagMessageRequestSchema>;

/** The flag as stored (one open flag per user and target). */
export const flagSchema = z.object({
  id: z.uuid(),
  targetType: z.enum(['nano', 'rating', 'message', 'user']),
  targetId: z.uuid(),
  reason: flagReasonSchema,
  status: z.enum(['open', 'resolved']),
  createdAt: z.iso.datetime(),
});

/** One message as its reader sees it. */
export const chatMessageSchema = z.object({
  id: z.uuid(),
  chatId: z.uuid(),
  /** Null once the author's account was erased (shown as "Gelöschter Nutzer"). */
  senderId: z.uuid().nullable(),
  text: z.string(),
  clientId: z.string().nullable(),
  status: messageStatusSchema,
  createdAt: z.iso.datetime(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** A page of history, newest first; `nextBefore` is the cursor for older messages (null at the start). */
export const chatMessagePageSchema = z.object({
  items: z.array(chatMessageSchema),
  nextBefore: z.uuid().nullable(),
});

/** The other participant of a session. */
export const chatPartySchema = z.object({
  id: z.uuid(),
  username: z.string().nullable(),
  displayName: z.string(),
  avatarUrl: z.string().nullable(),
  online: z.boolean(),
});

/** One session as a participant sees it. */
export const chatSessionSchema = z.object({
  id: z.uuid(),
  status: chatStatusSchema,
  /** Why a moderator disabled the session (shown to both parties). */
  disabledReason: z.string().nullable(),
  /** Whether the caller is the consumer (asked about the Nano) or its creator. */
  myRole: z.enum(['consumer', 'creator']),
  nano: z.object({
    id: z.uuid(),
    title: z.string(),
    slug: z.string(),
    status: nanoStatusSchema,
    thumbnailUrl: z.string().nullable(),
  }),
  other: chatPartySchema,
  lastMessage: chatMessageSchema.nullable(),
  unreadCount: z.number().int(),
  muted: z.boolean(),
  /** The newest of the caller's messages the other party has read (for read ticks). */
  otherLastReadId: z.uuid().nullable(),
  /** True when the caller may send (active or archived session, not disabled, account active). */
  canSend: z.boolean(),
  createdAt: z.iso.datetime(),
  lastMessageAt: z.iso.datetime().nullable(),
});
export type ChatSession = z.infer<typeof chatSessionSchema>;

export const chatListSchema = z.object({ items: z.array(chatSessionSchema) });

/** `POST /chats` answer: the session, and the first message when one was sent. */
export const openChatResponseSchema = z.object({
  chat: chatSessionSchema,
  message: chatMessageSchema.nullable(),
  /** True when the session already existed (the trio reuses it). */
  reused: z.boolean(),
});

export const unreadCountSchema = z.object({ unread: z.number().int(), chats: z.number().int() });

// ---- Moderation of chats (moderators and admins) ----

/** A held (or flagged) message with its session, for the moderation queue. Each view is audited. */
export const heldMessageSchema = z.object({
  message: chatMessageSchema,
  holdReasons: z.array(holdReasonSchema),
  chat: z.object({ id: z.uuid(), status: chatStatusSchema, nanoTitle: z.string() }),
  sender: z.object({ id: z.uuid().nullable(), displayName: z.string() }),
  recipient: z.object({ id: z.uuid().nullable(), displayName: z.string() }),
  /** The open flags of the message, oldest first (the "flagged" list; empty when it was only held). */
  flags: z
    .array(z.object({ reason: flagReasonSchema, description: z.string(), createdAt: z.iso.datetime() }))
    .optional(),
});
export const heldMessageListSchema = z.object({ items: z.array(heldMessageSchema), total: z.number().int() });

/** `GET /moderation/chat-messages?status=&page=&pageSize=`: held by the filter, or flagged by a participant (oldest first). */
export const heldMessageQuerySchema = pageQuerySchema.extend({
  status: z.enum(['held', 'flagged']).default('held'),
});

/** `POST /moderation/chat-messages/{id}/decision`. */
export const heldMessageDecisionSchema = z.object({ decision: z.enum(['release', 'reject']) });

/** `POST /moderation/chats/{id}/disable`: both parties see the reason. */
export const disableChatRequestSchema = z.object({
  reason: z.string().trim().min(1).max(CHAT_LIMITS.disableReasonMax),
});

// ---- WebSocket protocol (`GET /api/v1/ws`) ----

/** Messages the client sends. */
export const clientEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('message.send'),
    chatId: z.uuid(),
    text: messageTextSchema,
    clientId: clientIdSchema,
  }),
  z.object({ type: z.literal('typing'), chatId: z.uuid() }),
  z.object({ type: z.literal('read'), chatId: z.uuid(), upTo: z.uuid() }),
  /** After (re)connecting: replay every visible message of the caller's sessions newer than this id. */
  z.object({ type: z.literal('resume'), lastMessageId: z.uuid().nullable() }),
  /** Presence of these users is wanted (replaces the previous list); answered with `presence.changed` for each. */
  z.object({ type: z.literal('presence.watch'), userIds: z.array(z.uuid()).max(200) }),
  z.object({ type: z.literal('pong') }),
]);
export type ClientEvent = z.infer<typeof clientEventSchema>;

/** Messages the server sends. */
export const serverEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), userId: z.uuid() }),
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('message.created'), message: chatMessageSchema }),
  /** A message changed status (held → visible or rejected); sent to its author. */
  z.object({ type: z.literal('message.updated'), message: chatMessageSchema }),
  z.object({
    type: z.literal('message.read'),
    chatId: z.uuid(),
    userId: z.uuid(),
    upTo: z.uuid(),
  }),
  z.object({ type: z.literal('presence.changed'), userId: z.uuid(), online: z.boolean() }),
  z.object({ type: z.literal('typing'), chatId: z.uuid(), userId: z.uuid() }),
  /** The session changed (status, mute, disabled, reactivated): refetch it. */
  z.object({ type: z.literal('session.updated'), chatId: z.uuid() }),
  z.object({
    type: z.literal('notification.created'),
    notification: z.object({ id: z.uuid(), type: z.string(), payload: z.record(z.string(), z.unknown()) }),
  }),
  /** The answer to `message.send`: the stored message (also when it was a repeat of the same clientId). */
  z.object({ type: z.literal('ack'), clientId: z.string(), message: chatMessageSchema }),
  /** A client message failed; `code` as in the REST problem JSON (e.g. `chat_rate_limited`). */
  z.object({
    type: z.literal('error'),
    clientId: z.string().nullable(),
    code: z.string(),
    message: z.string(),
    retryAfterSeconds: z.number().int().nullable(),
  }),
  /** Resume could not replay everything (too much was missed): refetch lists and open conversations. */
  z.object({ type: z.literal('resync') }),
  /** Resume finished: every missed message was sent before this. */
  z.object({ type: z.literal('resumed'), count: z.number().int() }),
]);
export type ServerEvent = z.infer<typeof serverEventSchema>;

/** Close codes of the chat socket beyond the standard ones. */
export const WS_CLOSE_CODES = {
  /** The session ended (signed out, revoked, account suspended): refresh the login, then reconnect. */
  unauthorized: 4401,
  /** The client broke the protocol (invalid JSON, unknown type, too large). */
  protocolError: 4400,
  /** Missed heartbeats. */
  timeout: 4408,
  /** The server is shutting down: reconnect (to another instance). */
  goingAway: 1001,
} as const;
