import type { ServerEvent } from '@nano/contracts';
import type { Bus } from '../../platform/cache.ts';
import type { Presence } from '../../platform/presence/presence.ts';
import type { RealtimeConnection } from './realtime.connection.ts';
import { presenceChannel } from './realtime.constants.ts';

/** Where the watch reports what it cannot handle itself. */
export interface WatchLogger {
  warn(details: object, message: string): void;
}

/** The users watched on this instance, and who watches them. */
export interface PresenceWatch {
  /** Replaces the users `connection` watches and answers with a `presence.changed` for each of them. */
  watch(connection: RealtimeConnection, userIds: readonly string[]): Promise<void>;
  /** Forgets a closed connection's watches. */
  unwatchAll(connection: RealtimeConnection): void;
  /** Tells the watchers of `userId`, on every instance, that the user came online or went offline. */
  announce(userId: string, online: boolean): Promise<void>;
  /** Re-reads the presence of every watched user and tells watchers what changed (instances that died). */
  recheck(): Promise<void>;
  close(): Promise<void>;
}

interface Watched {
  connections: Set<RealtimeConnection>;
  subscribed: Promise<() => Promise<void>>;
  /** What the watchers were last told; undefined before the first answer. */
  online: boolean | undefined;
}

/**
 * Presence watching for one instance. A watched user's changes travel on the bus channel
 * `rt:presence:<id>`, which the instance subscribes to while one of its connections watches the
 * user. Because a crashed instance announces nothing, every watched user is also re-read from the
 * presence store periodically ({@link PresenceWatch.recheck}). Watchers are told only actual changes.
 */
export function createPresenceWatch(deps: { bus: Bus; presence: Presence; log: WatchLogger }): PresenceWatch {
  const watched = new Map<string, Watched>();

  /** Records `online` for `userId` and tells its watchers when it is news to them. */
  const report = (userId: string, entry: Watched, online: boolean, alsoTell?: RealtimeConnection): void => {
    const changed = entry.online !== undefined && entry.online !== online;
    entry.online = online;
    const event: ServerEvent = { type: 'presence.changed', userId, online };
    const data = JSON.stringify(event);
    if (changed) {
      for (const connection of entry.connections) {
        connection.sendRaw(data);
      }
      return;
    }
    alsoTell?.sendRaw(data);
  };

  const onAnnouncement = (userId: string) => (message: unknown) => {
    const entry = watched.get(userId);
    const online = (message as { online?: unknown } | null)?.online;
    if (!entry || typeof online !== 'boolean') {
      return;
    }
    report(userId, entry, online);
  };

  const add = (connection: RealtimeConnection, userId: string): Watched => {
    let entry = watched.get(userId);
    if (!entry) {
      const created: Watched = {
        connections: new Set(),
        subscribed: deps.bus.subscribe(presenceChannel(userId), onAnnouncement(userId)),
        online: undefined,
      };
      created.subscribed.catch(() => {
        if (watched.get(userId) === created) {
          watched.delete(userId);
        }
      });
      watched.set(userId, created);
      entry = created;
    }
    entry.connections.add(connection);
    return entry;
  };

  const remove = (connection: RealtimeConnection, userId: string): void => {
    const entry = watched.get(userId);
    if (!entry?.connections.delete(connection) || entry.connections.size > 0) {
      return;
    }
    watched.delete(userId);
    entry.subscribed
      .then((unsubscribe) => unsubscribe())
      .catch((error: unknown) => deps.log.warn({ err: error, userId }, 'presence unsubscribe failed'));
  };

  return {
    watch: async (connection, userIds) => {
      const next = new Set(userIds);
      for (const userId of connection.watching) {
        if (!next.has(userId)) {
          remove(connection, userId);
        }
      }
      const entries = new Map<string, Watched>();
      for (const userId of next) {
        entries.set(userId, add(connection, userId));
      }
      connection.watching = next;
      // Subscribed before reading, so a change announced after the read is not missed.
      await Promise.all([...entries.values()].map((entry) => entry.subscribed));
      const online = await deps.presence.onlineOf([...next]);
      for (const [userId, entry] of entries) {
        if (watched.get(userId) === entry && connection.watching.has(userId)) {
          report(userId, entry, online.has(userId), connection);
        }
      }
    },

    unwatchAll: (connection) => {
      for (const userId of connection.watching) {
        remove(connection, userId);
      }
      connection.watching = new Set();
    },

    announce: async (userId, online) => {
      const event: ServerEvent = { type: 'presence.changed', userId, online };
      await deps.bus.publish(presenceChannel(userId), event);
    },

    recheck: async () => {
      const userIds = [...watched.keys()];
      if (userIds.length === 0) {
        return;
      }
      const online = await deps.presence.onlineOf(userIds);
      for (const userId of userIds) {
        const entry = watched.get(userId);
        if (entry && entry.online !== undefined) {
          report(userId, entry, online.has(userId));
        }
      }
    },

    close: async () => {
      const entries = [...watched.values()];
      watched.clear();
      await Promise.allSettled(entries.map(async (entry) => (await entry.subscribed)()));
    },
  };
}
