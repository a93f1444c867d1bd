import type { ChatMessage, Locale } from '@nano/contracts';
import type { ApiError } from '../../../shared/api/client.ts';

/** A message the user wrote that the server has not acknowledged (yet): sending, or failed with a retry button. */
export interface OutboxEntry {
  /** The idempotency key; a retry sends the same one, so a lost acknowledgement cannot duplicate the message. */
  clientId: string;
  text: string;
  createdAt: string;
  state: 'sending' | 'failed';
  error: ApiError | null;
}

/** One bubble of the conversation. `key` stays the same when an optimistic bubble is replaced by its stored message. */
export type ConversationEntry =
  | { kind: 'message'; key: string; createdAt: string; own: boolean; read: boolean; message: ChatMessage }
  | { kind: 'outbox'; key: string; createdAt: string; own: true; entry: OutboxEntry };

/** The bubbles of one calendar day (local time), oldest first. */
export interface DayGroup {
  /** `YYYY-MM-DD` in local time. */
  day: string;
  entries: ConversationEntry[];
}

/**
 * Whether `id` is at or before `upTo`. Message ids are UUIDv7, so their text order is their
 * time order: a read receipt for a later message covers every earlier one.
 */
export function isAtOrBefore(id: string, upTo: string | null): boolean {
  return upTo !== null && id.toLowerCase() <= upTo.toLowerCase();
}

/** The later of two message ids (null counts as "none"). */
export function laterId(a: string | null, b: string | null): string | null {
  if (a === null) {
    return b;
  }
  if (b === null) {
    return a;
  }
  return a.toLowerCase() >= b.toLowerCase() ? a : b;
}

function byTime(a: { createdAt: string; id?: string }, b: { createdAt: string; id?: string }): number {
  if (a.createdAt !== b.createdAt) {
    return a.createdAt < b.createdAt ? -1 : 1;
  }
  return (a.id ?? '') < (b.id ?? '') ? -1 : 1;
}

/**
 * The history pages and the messages that arrived live (events, polling, acknowledgements),
 * each message once, oldest first. A live copy replaces the paged one (it carries status
 * changes such as held → visible).
 */
export function mergeMessages(
  history: readonly ChatMessage[],
  live: ReadonlyMap<string, ChatMessage>,
): ChatMessage[] {
  const byId = new Map<string, ChatMessage>();
  for (const message of history) {
    byId.set(message.id, message);
  }
  for (const message of live.values()) {
    byId.set(message.id, message);
  }
  return [...byId.values()].sort(byTime);
}

interface EntriesInput {
  messages: readonly ChatMessage[];
  outbox: readonly OutboxEntry[];
  myId: string;
  /** The newest of my messages the other party has read. */
  otherReadUpTo: string | null;
}

/**
 * The bubbles to show, oldest first: stored messages, then the optimistic ones whose stored
 * message has not arrived. An optimistic bubble disappears as soon as a message with its
 * clientId is there (acknowledgement or event, whichever comes first).
 */
export function conversationEntries({
  messages,
  outbox,
  myId,
  otherReadUpTo,
}: EntriesInput): ConversationEntry[] {
  const storedClientIds = new Set<string>();
  const entries: ConversationEntry[] = messages.map((message) => {
    const own = message.senderId === myId;
    if (own && message.clientId) {
      storedClientIds.add(message.clientId);
    }
    return {
      kind: 'message',
      key: own && message.clientId ? `c:${message.clientId}` : `m:${message.id}`,
      createdAt: message.createdAt,
      own,
      read: own && message.status === 'visible' && isAtOrBefore(message.id, otherReadUpTo),
      message,
    };
  });
  for (const entry of outbox) {
    if (!storedClientIds.has(entry.clientId)) {
      entries.push({
        kind: 'outbox',
        key: `c:${entry.clientId}`,
        createdAt: entry.createdAt,
        own: true,
        entry,
      });
    }
  }
  return entries;
}

/** `YYYY-MM-DD` of a moment in local time. */
export function localDay(iso: string | Date): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Consecutive bubbles of the same local day, in order. */
export function groupByDay(entries: readonly ConversationEntry[]): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const entry of entries) {
    const day = localDay(entry.createdAt);
    const last = groups.at(-1);
    if (last?.day === day) {
      last.entries.push(entry);
    } else {
      groups.push({ day, entries: [entry] });
    }
  }
  return groups;
}

/** What a date separator says: `today`, `yesterday`, or the date ("Montag, 12. Mai", with the year if not this one). */
export function dayLabel(
  day: string,
  locale: Locale,
  now: Date = new Date(),
): { kind: 'today' | 'yesterday' } | { kind: 'date'; text: string } {
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (day === localDay(now)) {
    return { kind: 'today' };
  }
  if (day === localDay(yesterday)) {
    return { kind: 'yesterday' };
  }
  const [year, month, date] = day.split('-').map(Number);
  const noon = new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1, 12);
  const text = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(noon.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  }).format(noon);
  return { kind: 'date', text };
}

/** The time of a message, e.g. "14:05". */
export function formatMessageTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** The newest visible message of the other party (what "read" is sent for), or null. */
export function newestOtherMessageId(messages: readonly ChatMessage[], myId: string): string | null {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message && message.senderId !== myId && message.status === 'visible') {
      return message.id;
    }
  }
  return null;
}
