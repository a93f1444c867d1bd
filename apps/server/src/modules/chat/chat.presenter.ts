import { CHAT_LIMITS, type ChatMessage, type ChatSession } from '@nano/contracts';
import { thumbnailUrl } from '../catalog/catalog.presenter.ts';
import type { UserCard } from '../identity/user-cards.ts';
import type { SessionViewRow } from './chat.repository.ts';
import type { ChatMessageRow } from './chat.tables.ts';

/** The name shown for a party whose account no longer exists. */
export const DELETED_USER_NAME = { de: 'Gelöschter Nutzer', en: 'Deleted user' } as const;

/**
 * A message as `viewerId` sees it. The client id is the sender's own idempotency key and goes
 * only to the sender (their clients dedupe by it).
 */
export function presentMessage(row: ChatMessageRow, viewerId: string | null): ChatMessage {
  return {
    id: row.id,
    chatId: row.chat_id,
    senderId: row.sender_id,
    text: row.body,
    clientId: viewerId !== null && row.sender_id === viewerId ? row.client_id : null,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  };
}

/** A short preview of a message (inbox, notifications): one line, at most `CHAT_LIMITS.previewMax` characters. */
export function previewOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length <= CHAT_LIMITS.previewMax
    ? line
    : `${chars
        .slice(0, CHAT_LIMITS.previewMax - 1)
        .join('')
        .trimEnd()}…`;
}

const SPELLED_OUT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** A URL-friendly form of a title (`Excel für Einsteiger` → `excel-fuer-einsteiger`). */
export function slugOf(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[äöüß]/g, (c) => SPELLED_OUT[c] ?? c)
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'nano'
  );
}

/** What presenting sessions needs besides their rows (loaded once for a whole list). */
export interface SessionContext {
  viewerId: string;
  cards: Map<string, UserCard>;
  online: Map<string, boolean>;
  lastMessages: Map<string, ChatMessageRow>;
  unread: Map<string, number>;
  readByOther: Map<string, string>;
  /** Whether the viewer's account may send at all (active). */
  viewerActive: boolean;
}

/** A session as one of its participants sees it. */
export function presentSession(row: SessionViewRow, context: SessionContext): ChatSession {
  const card = context.cards.get(row.other_id);
  const last = context.lastMessages.get(row.id);
  return {
    id: row.id,
    status: row.status,
    disabledReason: row.status === 'disabled' ? row.disabled_reason : null,
    myRole: row.my_role,
    nano: {
      id: row.nano_id,
      title: row.nano_title,
      slug: slugOf(row.nano_title),
      status: row.nano_status,
      thumbnailUrl: thumbnailUrl({ id: row.nano_id, thumbnail_key: row.nano_thumbnail_key }),
    },
    other: {
      id: row.other_id,
      username: card?.username || null,
      displayName: card?.displayName ?? '',
      avatarUrl: card?.avatarUrl ?? null,
      online: context.online.get(row.other_id) ?? false,
    },
    lastMessage: last ? presentMessage(last, context.viewerId) : null,
    unreadCount: context.unread.get(row.id) ?? 0,
    muted: row.muted,
    otherLastReadId: context.readByOther.get(row.id) ?? null,
    canSend: context.viewerActive && row.status !== 'disabled',
    createdAt: row.created_at.toISOString(),
    lastMessageAt: row.last_message_at?.toISOString() ?? null,
  };
}
