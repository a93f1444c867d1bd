import type { RealtimeConnection } from './realtime.connection.ts';
import { HEARTBEAT_SLICE_MS } from './realtime.constants.ts';

/** The connections' heartbeat schedule. */
export interface Heartbeat {
  add(connection: RealtimeConnection): void;
  remove(connection: RealtimeConnection): void;
  stop(): void;
}

/**
 * Visits every connection once per `intervalMs`, spread evenly: connections are dealt round-robin
 * into slots, and a timer visits one slot every `intervalMs / slots` (slots ≈ one per
 * {@link HEARTBEAT_SLICE_MS}). `onSlot` gets the slot's connections and the round (how many times
 * every slot has been visited before). The timer does not keep the process alive.
 */
export function createHeartbeat(options: {
  intervalMs: number;
  onSlot(connections: readonly RealtimeConnection[], round: number): void;
}): Heartbeat {
  const slotCount = Math.max(1, Math.round(options.intervalMs / HEARTBEAT_SLICE_MS));
  const slots = Array.from({ length: slotCount }, () => new Set<RealtimeConnection>());
  const slotOf = new Map<RealtimeConnection, Set<RealtimeConnection>>();
  let dealt = 0;
  let ticks = 0;

  const timer = setInterval(() => {
    const slot = slots[ticks % slotCount] as Set<RealtimeConnection>;
    const round = Math.floor(ticks / slotCount);
    ticks += 1;
    if (slot.size > 0) {
      options.onSlot([...slot], round);
    }
  }, options.intervalMs / slotCount);
  timer.unref();

  return {
    add: (connection) => {
      const slot = slots[dealt % slotCount] as Set<RealtimeConnection>;
      dealt += 1;
      slot.add(connection);
      slotOf.set(connection, slot);
    },
    remove: (connection) => {
      slotOf.get(connection)?.delete(connection);
      slotOf.delete(connection);
    },
    stop: () => clearInterval(timer),
  };
}
