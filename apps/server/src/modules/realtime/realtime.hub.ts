import { randomUUID } from 'node:crypto';
import { type ClientEvent, type ServerEvent, WS_CLOSE_CODES } from '@nano/contracts';
import type { RawData, WebSocket } from 'ws';
import type { Bus } from '../../platform/cache.ts';
import type { Presence } from '../../platform/presence/presence.ts';
import { type ConnectionOwner, RealtimeConnection } from './realtime.connection.ts';
import {
  DEFAULT_REALTIME_TIMINGS,
  REALTIME_LIMITS,
  type RealtimeTimings,
  userChannel,
} from './realtime.constants.ts';
import { createHeartbeat } from './realtime.heartbeat.ts';
import { createPresenceWatch } from './realtime.presence-watch.ts';
import { clientIdOf, errorEvent, errorEventFor, parseClientMessage } from './realtime.protocol.ts';
import type { ClientEventHandler, PresencePolicy, RealtimeHub, RealtimeMetrics } from './realtime.types.ts';

/** Where the hub reports failures it handles itself (the app's pino logger). */
export interface HubLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** What the hub uses, passed in. */
export interface RealtimeHubDeps {
  bus: Bus;
  presence: Presence;
  /** Which of these login sessions are still usable (identity's `liveSessionIds`). */
  liveSessions(sessionIds: readonly string[]): Promise<Set<string>>;
  metrics?: RealtimeMetrics;
  log?: HubLogger;
  timings?: Partial<RealtimeTimings>;
  /** This instance's id in presence; random by default. */
  instanceId?: string;
}

/** The hub as the WebSocket route and the app see it. */
export interface RealtimeGateway extends RealtimeHub {
  /** This instance's id in the presence store. */
  readonly instanceId: string;
  /** Takes over an upgraded socket of a signed-in user: registers it, then sends `ready`. */
  accept(socket: WebSocket, owner: ConnectionOwner): void;
  /** Open connections on this instance. */
  connectionCount(): number;
  setPresencePolicy(policy: PresencePolicy): void;
}

/** The client events the hub answers itself; nobody else may register them. */
const HUB_EVENTS = new Set<ClientEvent['type']>(['pong', 'presence.watch']);
const PING = JSON.stringify({ type: 'ping' } satisfies ServerEvent);
const silent: HubLogger = { warn: () => {}, error: () => {} };

/** This instance's connections of one user and its bus subscription for them. */
interface LocalUser {
  connections: Set<RealtimeConnection>;
  subscribed: Promise<() => Promise<void>>;
}

/**
 * The real-time gateway of one instance (ARCHITECTURE A6). Connections register per user; the first
 * connection of a user subscribes the instance to the bus channel `rt:user:<id>`, the last one
 * unsubscribes, so an event published on any instance reaches every socket of the user everywhere.
 * Presence is written on connect and every heartbeat, removed on the last disconnect and announced
 * to watchers. The heartbeat is spread over its interval (realtime.heartbeat.ts): each connection
 * is pinged, its user's presence refreshed and, every few rounds, its login session checked.
 * Client messages are validated, rate-limited per connection and dispatched to the handler
 * registered for their type, in order per connection.
 */
export function createRealtimeHub(deps: RealtimeHubDeps): RealtimeGateway {
  const timings: RealtimeTimings = { ...DEFAULT_REALTIME_TIMINGS, ...deps.timings };
  const instanceId = deps.instanceId ?? randomUUID();
  const log = deps.log ?? silent;
  const { bus, presence, metrics } = deps;
  const handlers = new Map<string, ClientEventHandler<never>>();
  const connections = new Set<RealtimeConnection>();
  const users = new Map<string, LocalUser>();
  const presenceOps = new Map<string, Promise<void>>();
  const watch = createPresenceWatch({ bus, presence, log });
  let presencePolicy: PresencePolicy = async (_userId, userIds) => userIds;
  let closed = false;

  /** Runs presence writes of one user in order (a quick reconnect must not be overtaken by its own leave). */
  const presenceOp = (userId: string, op: () => Promise<void>): Promise<void> => {
    const next = (presenceOps.get(userId) ?? Promise.resolve())
      .then(op)
      .catch((error: unknown) => log.warn({ err: error, userId }, 'presence update failed'));
    presenceOps.set(userId, next);
    void next.then(() => {
      if (presenceOps.get(userId) === next) {
        presenceOps.delete(userId);
      }
    });
    return next;
  };

  const deliver = (userId: string) => (message: unknown) => {
    const local = users.get(userId);
    if (!local) {
      return;
    }
    if (typeof (message as { type?: unknown } | null)?.type !== 'string') {
      log.warn({ userId }, 'dropped a bus message that is not a server event');
      return;
    }
    const data = JSON.stringify(message);
    for (const connection of local.connections) {
      if (connection.ready) {
        connection.sendRaw(data);
      }
    }
  };

  const open = async (connection: RealtimeConnection): Promise<void> => {
    const { userId } = connection;
    let local = users.get(userId);
    if (!local) {
      const created: LocalUser = {
        connections: new Set(),
        subscribed: bus.subscribe(userChannel(userId), deliver(userId)),
      };
      created.subscribed.catch(() => {
        if (users.get(userId) === created) {
          users.delete(userId);
        }
      });
      users.set(userId, created);
      local = created;
    }
    local.connections.add(connection);
    try {
      await local.subscribed;
    } catch (error) {
      log.error({ err: error, userId }, 'cannot subscribe to the user channel');
      connection.close(1011, 'unavailable');
      return;
    }
    await presenceOp(userId, async () => {
      if (!connections.has(connection)) {
        // Closed while subscribing: its leave is queued before this, and must stay the last word.
        return;
      }
      const { wasOnline } = await presence.touch(userId, instanceId, timings.presenceTtlMs);
      if (!wasOnline) {
        await watch.announce(userId, true);
      }
    });
    if (!connection.isOpen) {
      return;
    }
    connection.ready = true;
    connection.send({ type: 'ready', userId });
  };

  const onClose = (connection: RealtimeConnection): void => {
    if (!connections.delete(connection)) {
      return;
    }
    heartbeat.remove(connection);
    metrics?.connectionClosed();
    watch.unwatchAll(connection);
    const { userId } = connection;
    const local = users.get(userId);
    if (!local?.connections.delete(connection) || local.connections.size > 0) {
      return;
    }
    users.delete(userId);
    local.subscribed
      .then((unsubscribe) => unsubscribe())
      .catch((error: unknown) => log.warn({ err: error, userId }, 'user channel unsubscribe failed'));
    void presenceOp(userId, async () => {
      if (users.has(userId)) {
        // Reconnected meanwhile: this instance still holds the user.
        return;
      }
      const { stillOnline } = await presence.leave(userId, instanceId);
      if (!stillOnline) {
        await watch.announce(userId, false);
      }
    });
  };

  const dispatch = async (connection: RealtimeConnection, event: ClientEvent): Promise<void> => {
    if (!connection.isOpen) {
      return;
    }
    try {
      if (event.type === 'presence.watch') {
        const allowed =
          event.userIds.length > 0 ? await presencePolicy(connection.userId, event.userIds) : [];
        await watch.watch(connection, allowed);
        return;
      }
      const handler = handlers.get(event.type) as ClientEventHandler<typeof event.type> | undefined;
      if (!handler) {
        connection.send(errorEvent('bad_request', connection.locale, { clientId: clientIdOf(event) }));
        return;
      }
      await handler(connection, event as never);
    } catch (error) {
      const { event: reply, unexpected } = errorEventFor(error, connection.locale, clientIdOf(event));
      if (unexpected) {
        log.error({ err: error, type: event.type, userId: connection.userId }, 'client event failed');
      }
      connection.send(reply);
    }
  };

  const onMessage = (connection: RealtimeConnection, data: RawData, isBinary: boolean): void => {
    const admission = connection.admit(Date.now());
    if (admission === 'close') {
      connection.close(WS_CLOSE_CODES.protocolError, 'too many messages');
      return;
    }
    if (admission === 'drop') {
      return;
    }
    if (admission !== 'accept') {
      connection.send(
        errorEvent('rate_limited', connection.locale, { retryAfterSeconds: admission.retryAfterSeconds }),
      );
      return;
    }
    const parsed = parseClientMessage(data, isBinary);
    if (!parsed.ok) {
      if (connection.protocolViolation()) {
        connection.close(WS_CLOSE_CODES.protocolError, 'protocol error');
        return;
      }
      connection.send(errorEvent(parsed.code, connection.locale, { clientId: parsed.clientId }));
      return;
    }
    if (parsed.event.type === 'pong') {
      // Answered at once, outside the queue: a slow handler must not make a live client look dead.
      connection.awaitingPong = false;
      return;
    }
    const event = parsed.event;
    connection.enqueue(
      () => dispatch(connection, event),
      (error) => log.error({ err: error }, 'client event queue failed'),
    );
  };

  /** Closes the connections whose login session ended (signed out, revoked, account suspended). */
  const checkSessions = async (checked: readonly RealtimeConnection[]): Promise<void> => {
    try {
      const live = await deps.liveSessions(checked.map((connection) => connection.sessionId));
      for (const connection of checked) {
        if (!live.has(connection.sessionId)) {
          connection.close(WS_CLOSE_CODES.unauthorized, 'session ended');
        }
      }
    } catch (error) {
      // The database being down must not sign everyone out; the next round tries again.
      log.warn({ err: error }, 'session check failed');
    }
  };

  const heartbeat = createHeartbeat({
    intervalMs: timings.heartbeatMs,
    onSlot: (slot, round) => {
      const alive = new Set<string>();
      for (const connection of slot) {
        if (!connection.ready) {
          continue;
        }
        if (connection.awaitingPong) {
          connection.close(WS_CLOSE_CODES.timeout, 'heartbeat missed');
          continue;
        }
        connection.awaitingPong = true;
        connection.sendRaw(PING);
        alive.add(connection.userId);
      }
      if (alive.size > 0) {
        presence
          .refresh([...alive], instanceId, timings.presenceTtlMs)
          .catch((error: unknown) => log.warn({ err: error }, 'presence refresh failed'));
      }
      if ((round + 1) % timings.sessionCheckEveryBeats === 0) {
        void checkSessions(slot);
      }
    },
  });
  const presenceTimer = setInterval(() => {
    watch.recheck().catch((error: unknown) => log.warn({ err: error }, 'presence re-check failed'));
  }, timings.presenceCheckMs);
  // Housekeeping must not keep a finished process (or a test worker) alive.
  presenceTimer.unref();

  /** Resolves once every socket closed, cutting off those still open after the grace period. */
  const closeAll = async (): Promise<void> => {
    const open = [...connections];
    const allClosed = Promise.all(
      open.map(
        (connection) =>
          new Promise<void>((resolve) => {
            if (connection.socket.readyState === connection.socket.CLOSED) {
              resolve();
              return;
            }
            connection.socket.once('close', () => resolve());
          }),
      ),
    );
    for (const connection of open) {
      connection.close(WS_CLOSE_CODES.goingAway, 'server shutting down');
    }
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, REALTIME_LIMITS.closeGraceMs);
    });
    await Promise.race([allClosed, grace]);
    clearTimeout(timer);
    for (const connection of open) {
      connection.socket.terminate();
      onClose(connection);
    }
  };

  return {
    instanceId,

    publishToUser: async (userId, event) => {
      try {
        await bus.publish(userChannel(userId), event);
      } catch (error) {
        metrics?.deliveryFailed('bus_publish');
        throw error;
      }
    },

    isOnline: (userId) => presence.isOnline(userId),

    setPresencePolicy: (policy) => {
      presencePolicy = policy;
    },

    handle: (type, handler) => {
      if (HUB_EVENTS.has(type)) {
        throw new Error(`the hub answers "${type}" itself`);
      }
      if (handlers.has(type)) {
        throw new Error(`a handler for "${type}" is registered already`);
      }
      handlers.set(type, handler as unknown as ClientEventHandler<never>);
    },

    accept: (socket, owner) => {
      if (closed) {
        socket.close(WS_CLOSE_CODES.goingAway, 'server shutting down');
        return;
      }
      const connection = new RealtimeConnection(socket, owner, metrics);
      connections.add(connection);
      heartbeat.add(connection);
      metrics?.connectionOpened();
      socket.on('message', (data, isBinary) => onMessage(connection, data, isBinary));
      socket.on('close', () => onClose(connection));
      connection.enqueue(
        () => open(connection),
        (error) => {
          log.error({ err: error, userId: owner.userId }, 'cannot open a connection');
          connection.close(1011, 'unavailable');
        },
      );
    },

    connectionCount: () => connections.size,

    close: async () => {
      if (closed) {
        return;
      }
      closed = true;
      heartbeat.stop();
      clearInterval(presenceTimer);
      await closeAll();
      // The leaves (and offline announcements) queued by the closes above.
      await Promise.all([...presenceOps.values()]);
      await watch.close();
    },
  };
}
