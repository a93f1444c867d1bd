import { describe, expect, it } from 'vitest';
import { createChatMessage, createMessageId } from '../../../testing/chat-factories.ts';
import {
  conversationEntries,
  dayLabel,
  groupByDay,
  isAtOrBefore,
  laterId,
  mergeMessages,
  newestOtherMessageId,
  type OutboxEntry,
} from './message-list-model.ts';

const me = '0190a000-0000-7000-8000-000000000001';
const other = '0190a000-0000-7000-8000-000000000002';
const base = Date.parse('2026-05-04T09:00:00.000Z');
const at = (minutes: number) => base + minutes * 60_000;
const message = (minutes: number, overrides: Parameters<typeof createChatMessage>[0] = {}) =>
  createChatMessage({
    id: createMessageId(at(minutes)),
    createdAt: new Date(at(minutes)).toISOString(),
    senderId: other,
    ...overrides,
  });

describe('message list model', () => {
  it('orders ids by time and keeps the later of two read positions', () => {
    const early = createMessageId(at(1));
    const late = createMessageId(at(2));
    expect(isAtOrBefore(early, late)).toBe(true);
    expect(isAtOrBefore(late, early)).toBe(false);
    expect(isAtOrBefore(early, null)).toBe(false);
    expect(laterId(early, late)).toBe(late);
    expect(laterId(null, early)).toBe(early);
    expect(laterId(late, null)).toBe(late);
  });

  it('merges history and live messages once each, oldest first, the live copy winning', () => {
    const first = message(1);
    const held = message(2, { senderId: me, status: 'held', clientId: 'client-aaaa' });
    const released = { ...held, status: 'visible' as const };
    const third = message(3);
    const merged = mergeMessages(
      [third, held, first],
      new Map([
        [held.id, released],
        [third.id, third],
      ]),
    );
    expect(merged.map((item) => item.id)).toEqual([first.id, held.id, third.id]);
    expect(merged[1]?.status).toBe('visible');
  });

  it('marks own visible messages up to the read position as read and hides acknowledged optimistic ones', () => {
    const mine1 = message(1, { senderId: me, clientId: 'client-0001' });
    const mine2 = message(2, { senderId: me, clientId: 'client-0002' });
    const theirs = message(3);
    const outbox: OutboxEntry[] = [
      { clientId: 'client-0002', text: 'x', createdAt: mine2.createdAt, state: 'sending', error: null },
      {
        clientId: 'client-0003',
        text: 'neu',
        createdAt: new Date(at(4)).toISOString(),
        state: 'sending',
        error: null,
      },
    ];
    const entries = conversationEntries({
      messages: [mine1, mine2, theirs],
      outbox,
      myId: me,
      otherReadUpTo: mine1.id,
    });
    expect(entries.map((entry) => [entry.kind, entry.key, entry.own])).toEqual([
      ['message', 'c:client-0001', true],
      ['message', 'c:client-0002', true],
      ['message', `m:${theirs.id}`, false],
      ['outbox', 'c:client-0003', true],
    ]);
    expect(entries.map((entry) => entry.kind === 'message' && entry.read)).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });

  it('groups by local day and names today and yesterday', () => {
    const now = new Date(2026, 4, 4, 15, 0);
    const yesterday = new Date(2026, 4, 3, 23, 50);
    const lastWeek = new Date(2026, 3, 27, 8, 0);
    const entries = conversationEntries({
      messages: [
        message(0, { createdAt: lastWeek.toISOString() }),
        message(1, { createdAt: yesterday.toISOString() }),
        message(2, { createdAt: new Date(2026, 4, 4, 0, 5).toISOString() }),
        message(3, { createdAt: now.toISOString() }),
      ],
      outbox: [],
      myId: me,
      otherReadUpTo: null,
    });
    const groups = groupByDay(entries);
    expect(groups.map((group) => [group.day, group.entries.length])).toEqual([
      ['2026-04-27', 1],
      ['2026-05-03', 1],
      ['2026-05-04', 2],
    ]);
    expect(dayLabel('2026-05-04', 'de', now)).toEqual({ kind: 'today' });
    expect(dayLabel('2026-05-03', 'de', now)).toEqual({ kind: 'yesterday' });
    expect(dayLabel('2026-04-27', 'de', now)).toEqual({ kind: 'date', text: 'Montag, 27. April' });
    expect(dayLabel('2025-12-24', 'en', now)).toEqual({ kind: 'date', text: 'Wednesday, December 24, 2025' });
  });

  it('finds the newest visible message of the other party', () => {
    const theirs = message(1);
    const mine = message(2, { senderId: me });
    const erased = message(3, { senderId: null });
    expect(newestOtherMessageId([theirs, mine], me)).toBe(theirs.id);
    expect(newestOtherMessageId([theirs, mine, erased], me)).toBe(erased.id);
    expect(newestOtherMessageId([mine], me)).toBeNull();
  });
});
