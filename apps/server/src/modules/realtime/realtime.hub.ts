import type { Bus } from '../../platform/cache.ts';
import type { Clock } from '../../platform/clock.ts';
import type { ClientEventHandler, RealtimeHub } from './realtime.types.ts';

/** Placeholder until the gateway lands: publishes to the bus, knows no connections. */
export function createRealtimeHub(deps: { bus: Bus; clock: Clock }): RealtimeHub {
  const handlers = new Map<string, ClientEventHandler<never>>();
  return {
    publishToUser: (userId, event) => deps.bus.publish(`rt:user:${userId}`, event),
    isOnline: async () => false,
    handle: (type, handler) => {
      handlers.set(type, handler as unknown as ClientEventHandler<never>);
    },
    close: async () => {},
  };
}
