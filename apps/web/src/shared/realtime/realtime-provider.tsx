import {
  CHAT_LIMITS,
  type ChatMessage,
  type ClientEvent,
  type ServerEvent,
  type unreadCountSchema,
} from '@nano/contracts';
import { hashKey, type QueryKey, useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { z } from 'zod';
import { refreshSession } from '../api/client.ts';
import { useCurrentUser } from '../auth/get-current-user.ts';
import {
  applyEventToCache,
  chatQueryKeys,
  refreshAfterGap,
  unreadCountQueryOptions,
} from './chat-queries.ts';
import { postMessage } from './post-message.ts';
import { RealtimeClient, type RealtimeStatus } from './realtime-client.ts';
import { browserSocketFactory, realtimeUrl, type SocketFactory } from './socket.ts';

export type { RealtimeStatus } from './realtime-client.ts';

type UnreadCount = z.output<typeof unreadCountSchema>;

/** Bytes of randomness in a client-chosen message id (32 hex characters). */
const CLIENT_ID_BYTES = 16;

/** The real-time connection as the UI uses it. */
export interface Realtime {
  status: RealtimeStatus;
  /**
   * Sends over the socket when online and resolves with the acknowledged message; otherwise
   * `POST /chats/{id}/messages`. Rejects with ApiError carrying the problem's code and status
   * (429 `chat_rate_limited` with `retryAfterSeconds`).
   */
  sendMessage(chatId: string, text: string, clientId: string): Promise<ChatMessage>;
  /** Sends a client event when online (typing, read, presence.watch); false otherwise. */
  send(event: ClientEvent): boolean;
  /** Every server event except pings. Returns the unsubscribe function. */
  subscribe(listener: (event: ServerEvent) => void): () => void;
}

const RealtimeContext = createContext<RealtimeClient | null>(null);

let detachedClient: RealtimeClient | undefined;

/** Outside the provider (a component rendered alone): a client that never connects and sends over REST. */
function detached(): RealtimeClient {
  detachedClient ??= new RealtimeClient({
    url: '',
    socketFactory: browserSocketFactory,
    sendOverRest: postMessage,
    refreshSession,
  });
  return detachedClient;
}

function useClient(): RealtimeClient {
  return useContext(RealtimeContext) ?? detached();
}

interface RealtimeProviderProps {
  children: ReactNode;
  /** Opens the socket: the browser's WebSocket unless a test passes another. */
  socketFactory?: SocketFactory;
  /** Queries to refresh on `notification.created` (the bell; its key belongs to a feature, so the app passes it). */
  notificationQueryKeys?: readonly QueryKey[];
}

/**
 * Holds the chat's real-time connection: connected while someone is signed in (and only then),
 * keeping the inbox and unread-count queries fresh from the events. While the socket is
 * unavailable it polls the unread count every `CHAT_LIMITS.pollSeconds` and refetches the inbox
 * whenever that count changed.
 */
export function RealtimeProvider({
  children,
  socketFactory = browserSocketFactory,
  notificationQueryKeys,
}: RealtimeProviderProps) {
  const queryClient = useQueryClient();
  const userId = useCurrentUser().data?.id;
  const factoryRef = useRef(socketFactory);
  factoryRef.current = socketFactory;
  const notificationKeysRef = useRef(notificationQueryKeys);
  notificationKeysRef.current = notificationQueryKeys;

  const [client] = useState(
    () =>
      new RealtimeClient({
        url: realtimeUrl(),
        socketFactory: (url) => factoryRef.current(url),
        sendOverRest: postMessage,
        refreshSession,
        // An authenticated call renews an expired access token before the next upgrade is tried.
        beforeReconnect: () => queryClient.fetchQuery({ ...unreadCountQueryOptions(), staleTime: 0 }),
      }),
  );
  const status = useSyncExternalStore(client.onStatusChange, () => client.status);

  useEffect(() => {
    if (!userId) {
      return;
    }
    client.start();
    return () => client.stop();
  }, [client, userId]);

  useEffect(() => {
    let connectedBefore = false;
    return client.subscribe((event) => {
      if (event.type === 'ready') {
        if (connectedBefore) {
          refreshAfterGap(queryClient);
        }
        connectedBefore = true;
      }
      applyEventToCache(queryClient, event, notificationKeysRef.current);
    });
  }, [client, queryClient]);

  useEffect(() => {
    const retry = () => {
      if (document.visibilityState === 'visible') {
        client.reconnectNow();
      }
    };
    window.addEventListener('online', retry);
    document.addEventListener('visibilitychange', retry);
    return () => {
      window.removeEventListener('online', retry);
      document.removeEventListener('visibilitychange', retry);
    };
  }, [client]);

  useEffect(() => {
    if (status !== 'polling') {
      return;
    }
    const poll = () => queryClient.fetchQuery({ ...unreadCountQueryOptions(), staleTime: 0 });
    const timer = setInterval(() => void poll().catch(() => undefined), CHAT_LIMITS.pollSeconds * 1000);
    return () => clearInterval(timer);
  }, [status, queryClient]);

  // Without the socket, a changed unread count (from a poll or a reconnect probe) is the sign of news.
  useEffect(() => {
    const unreadKeyHash = hashKey(chatQueryKeys.unreadCount);
    let previous: UnreadCount | undefined;
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.query.queryHash !== unreadKeyHash) {
        return;
      }
      const current = event.query.state.data as UnreadCount | undefined;
      const changed =
        previous !== undefined &&
        current !== undefined &&
        (previous.unread !== current.unread || previous.chats !== current.chats);
      previous = current ?? previous;
      if (changed && client.status !== 'online') {
        void queryClient.invalidateQueries({ queryKey: chatQueryKeys.lists });
      }
    });
  }, [client, queryClient]);

  return <RealtimeContext.Provider value={client}>{children}</RealtimeContext.Provider>;
}

/** The connection: its status, sending messages and client events, and listening to server events. */
export function useRealtime(): Realtime {
  const client = useClient();
  const queryClient = useQueryClient();
  const status = useSyncExternalStore(client.onStatusChange, () => client.status);
  return useMemo(
    () => ({
      status,
      sendMessage: async (chatId, text, clientId) => {
        const message = await client.sendMessage(chatId, text, clientId);
        // The own message is the inbox's newest now (the socket's echo of it is dropped as a duplicate).
        void queryClient.invalidateQueries({ queryKey: chatQueryKeys.lists });
        return message;
      },
      send: (event) => client.send(event),
      subscribe: (listener) => client.subscribe(listener),
    }),
    [client, queryClient, status],
  );
}

/** Calls `listener` with every server event while the component is mounted (the latest listener, one subscription). */
export function useRealtimeEvent(listener: (event: ServerEvent) => void): void {
  const client = useClient();
  const listenerRef = useRef(listener);
  useLayoutEffect(() => {
    listenerRef.current = listener;
  });
  useEffect(() => client.subscribe((event) => listenerRef.current(event)), [client]);
}

/**
 * Whether these users are online, as the server reports it live (watched while mounted). Users
 * the server has not reported on yet are missing: fall back to what the REST answer said.
 */
export function usePresence(userIds: readonly string[]): Record<string, boolean> {
  const client = useClient();
  const key = [...new Set(userIds)].sort().join(',');
  useEffect(() => client.watchPresence(key ? key.split(',') : []), [client, key]);
  const presence = useSyncExternalStore(client.onPresenceChange, () => client.presence);
  return useMemo(() => {
    const result: Record<string, boolean> = {};
    for (const id of key ? key.split(',') : []) {
      const online = presence[id];
      if (online !== undefined) {
        result[id] = online;
      }
    }
    return result;
  }, [presence, key]);
}

/** A fresh idempotency key for a message (32 hex characters; works outside secure contexts too). */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(CLIENT_ID_BYTES));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
