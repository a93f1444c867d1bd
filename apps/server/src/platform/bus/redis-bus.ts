import { Redis } from 'ioredis';
import type { Bus, BusHandler } from '../cache.ts';

/** One subscribe() call; a handler subscribed twice is two subscriptions, each removed by its own unsubscribe. */
interface Subscription {
  handler: BusHandler;
}

interface Channel {
  subscriptions: Set<Subscription>;
  /** Settles when Redis confirmed the SUBSCRIBE; later subscribers of the channel wait for it too. */
  active: Promise<unknown>;
}

/**
 * The production bus on Redis pub/sub: a message published by any instance reaches the subscribers of
 * every instance that uses the same `channelPrefix` (e.g. `nano:bus:`).
 *
 * It owns two connections to `redisUrl`, because a connection in subscriber mode cannot publish: one
 * for PUBLISH, one holding one Redis subscription per channel with local handlers. ioredis reconnects and
 * resubscribes by itself; messages published while the connection is down are lost (at-most-once).
 * A message that is not valid JSON is dropped. A handler that throws does not stop delivery to the others;
 * its error is reported as a process warning. `close()` quits both connections.
 */
export function createRedisBus(redisUrl: string, channelPrefix: string): Bus {
  const publisher = new Redis(redisUrl);
  const subscriber = new Redis(redisUrl);
  // Connection errors are retried by ioredis and surface as rejected publish/subscribe calls; without a
  // listener ioredis would also print every retry to stderr.
  publisher.on('error', () => {});
  subscriber.on('error', () => {});

  const channels = new Map<string, Channel>();
  let closed = false;

  subscriber.on('message', (redisChannel: string, raw: string) => {
    if (!redisChannel.startsWith(channelPrefix)) {
      return;
    }
    const channel = channels.get(redisChannel.slice(channelPrefix.length));
    if (!channel) {
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      // Anyone with access to the Redis can publish here; a foreign or corrupt message must not crash
      // the instance (an exception here would escape into ioredis's socket handler).
      return;
    }
    let first = true;
    for (const subscription of [...channel.subscriptions]) {
      // Each handler gets its own copy, as in the memory bus, so one cannot change what the next sees.
      deliver(subscription.handler, first ? message : JSON.parse(raw));
      first = false;
    }
  });

  const assertOpen = (): void => {
    if (closed) {
      throw new Error('bus is closed');
    }
  };

  return {
    publish: async (channel, message) => {
      assertOpen();
      const raw = JSON.stringify(message);
      // undefined, functions and symbols have no JSON form.
      if (raw === undefined) {
        throw new TypeError('bus messages must be JSON values');
      }
      await publisher.publish(`${channelPrefix}${channel}`, raw);
    },

    subscribe: async (name, handler) => {
      assertOpen();
      const subscription: Subscription = { handler };
      let channel = channels.get(name);
      if (!channel) {
        channel = { subscriptions: new Set(), active: subscriber.subscribe(`${channelPrefix}${name}`) };
        channels.set(name, channel);
      }
      channel.subscriptions.add(subscription);
      const subscribed = channel;
      try {
        await subscribed.active;
      } catch (error) {
        subscribed.subscriptions.delete(subscription);
        if (subscribed.subscriptions.size === 0 && channels.get(name) === subscribed) {
          channels.delete(name);
        }
        throw error;
      }
      return async () => {
        if (!subscribed.subscriptions.delete(subscription)) {
          return;
        }
        if (subscribed.subscriptions.size > 0 || channels.get(name) !== subscribed) {
          return;
        }
        channels.delete(name);
        if (!closed) {
          // Commands on one connection run in order, so a SUBSCRIBE issued after this by a new
          // subscriber of the same channel still wins.
          await subscriber.unsubscribe(`${channelPrefix}${name}`);
        }
      };
    },

    close: async () => {
      if (closed) {
        return;
      }
      closed = true;
      channels.clear();
      await Promise.all([closeConnection(subscriber), closeConnection(publisher)]);
    },
  };
}

async function closeConnection(redis: Redis): Promise<void> {
  if (redis.status === 'end') {
    return;
  }
  // QUIT waits for the replies still pending, but on a connection that is not up it would wait for a
  // reconnect that may never come.
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  await redis.quit();
}

function deliver(handler: BusHandler, message: unknown): void {
  try {
    handler(message);
  } catch (error) {
    process.emitWarning(error instanceof Error ? error : String(error), { code: 'NANO_BUS_HANDLER_FAILED' });
  }
}
