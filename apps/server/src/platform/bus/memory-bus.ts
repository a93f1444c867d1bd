import type { Bus, BusHandler } from '../cache.ts';

/** One subscribe() call; a handler subscribed twice is two subscriptions, each removed by its own unsubscribe. */
interface Subscription {
  handler: BusHandler;
}

/**
 * The embedded bus: publish/subscribe inside this process. It behaves like the Redis bus so that code
 * tested in embedded mode holds in production: delivery happens after `publish()` resolves, never
 * inside it, and every handler receives its own JSON copy (dates become strings, receivers cannot
 * mutate the publisher's object or each other's).
 *
 * A handler that throws does not stop delivery to the others; its error is reported as a process
 * warning.
 */
export function createMemoryBus(): Bus {
  // A Map of Sets rather than an EventEmitter: a channel called "error" must not be special, and a chat
  // room with many sockets must not trip the max-listeners warning.
  const channels = new Map<string, Set<Subscription>>();
  let closed = false;

  const assertOpen = (): void => {
    if (closed) {
      throw new Error('bus is closed');
    }
  };

  return {
    publish: async (channel, message) => {
      assertOpen();
      const raw = encode(message);
      setImmediate(() => {
        const subscriptions = channels.get(channel);
        if (!subscriptions) {
          return;
        }
        for (const subscription of [...subscriptions]) {
          deliver(subscription.handler, JSON.parse(raw));
        }
      });
    },

    subscribe: async (channel, handler) => {
      assertOpen();
      const subscription: Subscription = { handler };
      let subscriptions = channels.get(channel);
      if (!subscriptions) {
        subscriptions = new Set();
        channels.set(channel, subscriptions);
      }
      subscriptions.add(subscription);
      return async () => {
        const current = channels.get(channel);
        if (!current) {
          return;
        }
        current.delete(subscription);
        if (current.size === 0) {
          channels.delete(channel);
        }
      };
    },

    close: async () => {
      closed = true;
      channels.clear();
    },
  };
}

function encode(message: unknown): string {
  const raw = JSON.stringify(message);
  // undefined, functions and symbols have no JSON form; Redis could not carry them either.
  if (raw === undefined) {
    throw new TypeError('bus messages must be JSON values');
  }
  return raw;
}

function deliver(handler: BusHandler, message: unknown): void {
  try {
    handler(message);
  } catch (error) {
    process.emitWarning(error instanceof Error ? error : String(error), { code: 'NANO_BUS_HANDLER_FAILED' });
  }
}
