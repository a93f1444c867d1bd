import type { ClientEvent, Locale, ServerEvent } from '@nano/contracts';
import { createAuditService } from '../../src/modules/audit/audit.service.ts';
import type { ChatDeps } from '../../src/modules/chat/chat.deps.ts';
import { createNotificationService } from '../../src/modules/notifications/notifications.service.ts';
import type {
  ClientEventHandler,
  RealtimeContext,
  RealtimeHub,
} from '../../src/modules/realtime/realtime.types.ts';
import type { TestApp } from '../app.ts';

/**
 * A hub that keeps what the chat gives it: the events it publishes, the handlers it registers; who
 * is online is set by the test. For calling the chat's client-event handlers directly.
 */
export interface RecordingHub extends RealtimeHub {
  published: Array<{ userId: string; event: ServerEvent }>;
  online: Set<string>;
  /** Runs the registered handler of the event's type, as the gateway does for a client message. */
  dispatch(context: RealtimeContext, event: ClientEvent): Promise<void>;
  /** The events published for one user, of one type. */
  to<T extends ServerEvent['type']>(userId: string, type: T): Array<Extract<ServerEvent, { type: T }>>;
}

export function recordingHub(): RecordingHub {
  const handlers = new Map<string, ClientEventHandler<never>>();
  const published: RecordingHub['published'] = [];
  const online = new Set<string>();
  return {
    published,
    online,
    publishToUser: async (userId, event) => {
      published.push({ userId, event });
    },
    isOnline: async (userId) => online.has(userId),
    handle: (type, handler) => {
      handlers.set(type, handler as unknown as ClientEventHandler<never>);
    },
    close: async () => {},
    dispatch: async (context, event) => {
      const handler = handlers.get(event.type);
      if (!handler) {
        throw new Error(`no handler for ${event.type}`);
      }
      await handler(context, event as never);
    },
    to: (userId, type) =>
      published.filter((p) => p.userId === userId && p.event.type === type).map((p) => p.event as never),
  };
}

/** The chat's dependencies over the test app's platform, with `realtime` (a recording hub by default). */
export function chatDepsOf(t: TestApp, realtime: RealtimeHub = recordingHub()): ChatDeps {
  const db = t.platform.database.db;
  return {
    db,
    clock: t.clock,
    cache: t.platform.cache,
    storage: t.platform.storage,
    jobs: t.platform.jobs,
    mailer: t.platform.mailer,
    audit: createAuditService({ db, clock: t.clock }),
    notifications: createNotificationService({ db, clock: t.clock }),
    publicUrl: t.config.publicUrl,
    secret: t.config.sessionSecret,
    realtime,
    settings: t.config.chat,
  };
}

/** One connection of `userId` as a handler sees it, keeping what is sent to it. */
export function fakeConnection(
  userId: string,
  locale: Locale = 'de',
): RealtimeContext & { sent: ServerEvent[] } {
  const sent: ServerEvent[] = [];
  return {
    userId,
    sessionId: '00000000-0000-7000-8000-000000000001',
    connectionId: `test-${userId.slice(-6)}`,
    locale,
    send: (event) => {
      sent.push(event);
    },
    sent,
  };
}
