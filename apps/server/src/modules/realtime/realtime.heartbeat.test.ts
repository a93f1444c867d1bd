import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RealtimeConnection } from './realtime.connection.ts';
import { createHeartbeat } from './realtime.heartbeat.ts';

/** Stand-ins: the heartbeat only keeps and hands back connections, it never calls them. */
const connections = (count: number) =>
  Array.from(
    { length: count },
    (_, index) => ({ connectionId: `c${index}` }) as unknown as RealtimeConnection,
  );

describe('heartbeat schedule', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('visits every connection once per interval, spread over one-second slices', () => {
    const visits: Array<{ at: number; ids: string[]; round: number }> = [];
    const heartbeat = createHeartbeat({
      intervalMs: 25_000,
      onSlot: (slot, round) => visits.push({ at: Date.now(), ids: slot.map((c) => c.connectionId), round }),
    });
    const started = Date.now();
    for (const connection of connections(100)) {
      heartbeat.add(connection);
    }
    vi.advanceTimersByTime(25_000);
    expect(visits).toHaveLength(25);
    expect(visits.every((visit) => visit.ids.length === 4 && visit.round === 0)).toBe(true);
    expect(new Set(visits.flatMap((visit) => visit.ids)).size).toBe(100);
    expect(visits.map((visit) => visit.at - started)).toEqual(
      Array.from({ length: 25 }, (_, i) => (i + 1) * 1000),
    );
    vi.advanceTimersByTime(25_000);
    expect(visits.slice(25).every((visit) => visit.round === 1)).toBe(true);
    heartbeat.stop();
  });

  it('forgets removed connections and skips empty slots', () => {
    const visited: string[] = [];
    const heartbeat = createHeartbeat({
      intervalMs: 3_000,
      onSlot: (slot) => visited.push(...slot.map((c) => c.connectionId)),
    });
    const [first, second] = connections(2) as [RealtimeConnection, RealtimeConnection];
    heartbeat.add(first);
    heartbeat.add(second);
    heartbeat.remove(first);
    vi.advanceTimersByTime(6_000);
    expect(visited).toEqual(['c1', 'c1']);
    heartbeat.stop();
    vi.advanceTimersByTime(6_000);
    expect(visited).toEqual(['c1', 'c1']);
  });

  it('uses a single slot for intervals under a second (tests)', () => {
    const slots: number[] = [];
    const heartbeat = createHeartbeat({ intervalMs: 250, onSlot: (slot) => slots.push(slot.length) });
    for (const connection of connections(3)) {
      heartbeat.add(connection);
    }
    vi.advanceTimersByTime(500);
    expect(slots).toEqual([3, 3]);
    heartbeat.stop();
  });
});
