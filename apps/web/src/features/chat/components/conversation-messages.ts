import { CHAT_LIMITS, type ChatMessage, type ServerEvent } from '@nano/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, networkProblem } from '../../../shared/api/client.ts';
import { chatQueryKeys } from '../../../shared/realtime/chat-queries.ts';
import { newClientId, useRealtime, useRealtimeEvent } from '../../../shared/realtime/realtime-provider.tsx';
import { getMessages, messagesOfPages, useMessagePages } from '../api/get-messages.ts';
import {
  type ConversationEntry,
  conversationEntries,
  laterId,
  mergeMessages,
  type OutboxEntry,
} from './message-list-model.ts';

interface ConversationMessagesOptions {
  chatId: string;
  myId: string;
  otherId: string;
  /** The session's `otherLastReadId` (refetched on `session.updated`). */
  otherLastReadId: string | null;
}

/** What the conversation view shows and does with its messages. */
export interface ConversationMessages {
  /** The bubbles, oldest first. */
  entries: ConversationEntry[];
  /** Every stored message, oldest first (for read marking). */
  messages: ChatMessage[];
  isPending: boolean;
  /** Loading the history failed (and nothing is shown); a failed older page keeps its button instead. */
  error: Error | null;
  refetch: () => void;
  refetching: boolean;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: () => void;
  /** Sends a new message (optimistically shown at once). */
  send: (text: string) => void;
  /** Sends a failed message again, with its clientId. */
  retry: (clientId: string) => void;
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(networkProblem(), { cause: error });
}

/**
 * The messages of one conversation: the paged history, plus what arrives live (events of this
 * chat, polling while the socket is down, acknowledgements), plus the optimistic bubbles of
 * messages being sent. Each message appears once, deduplicated by id and clientId.
 */
export function useConversationMessages({
  chatId,
  myId,
  otherId,
  otherLastReadId,
}: ConversationMessagesOptions): ConversationMessages {
  const queryClient = useQueryClient();
  const realtime = useRealtime();
  const pages = useMessagePages(chatId);
  const [live, setLive] = useState<ReadonlyMap<string, ChatMessage>>(() => new Map());
  const [outbox, setOutbox] = useState<readonly OutboxEntry[]>([]);
  const [readUpTo, setReadUpTo] = useState<string | null>(null);

  const upsert = useCallback((incoming: readonly ChatMessage[]) => {
    if (incoming.length === 0) {
      return;
    }
    setLive((previous) => {
      const next = new Map(previous);
      for (const message of incoming) {
        next.set(message.id, message);
      }
      return next;
    });
  }, []);

  /** Starts over from the newest page (after a resync, or when polling found a gap). */
  const reset = useCallback(() => {
    setLive(new Map());
    void queryClient.resetQueries({ queryKey: chatQueryKeys.messages(chatId) });
  }, [chatId, queryClient]);

  useRealtimeEvent((event: ServerEvent) => {
    switch (event.type) {
      case 'message.created':
      case 'message.updated':
      case 'ack':
        if (event.message.chatId === chatId) {
          upsert([event.message]);
        }
        break;
      case 'message.read':
        if (event.chatId === chatId && event.userId === otherId) {
          setReadUpTo((previous) => laterId(previous, event.upTo));
        }
        break;
      case 'resync':
        reset();
        break;
      default:
        break;
    }
  });

  const messages = useMemo(() => mergeMessages(messagesOfPages(pages.data?.pages), live), [pages.data, live]);
  const newestIdRef = useRef<string | null>(null);
  newestIdRef.current = messages.at(-1)?.id ?? null;

  // Without the socket, ask for what is newer than the newest message every few seconds; a
  // full page means more may be missing, so the history starts over.
  useEffect(() => {
    if (realtime.status !== 'polling') {
      return;
    }
    const controller = new AbortController();
    const poll = async () => {
      try {
        const after = newestIdRef.current ?? undefined;
        const page = await getMessages(chatId, { after, limit: CHAT_LIMITS.pageMax }, controller.signal);
        if (after && page.items.length >= CHAT_LIMITS.pageMax) {
          reset();
        } else {
          upsert(page.items);
        }
        void queryClient.invalidateQueries({ queryKey: chatQueryKeys.detail(chatId) });
      } catch {
        // The next round tries again; the status line already says the connection is down.
      }
    };
    const timer = window.setInterval(() => void poll(), CHAT_LIMITS.pollSeconds * 1000);
    return () => {
      window.clearInterval(timer);
      controller.abort();
    };
  }, [realtime.status, chatId, queryClient, reset, upsert]);

  const deliver = useCallback(
    async (clientId: string, text: string) => {
      try {
        const message = await realtime.sendMessage(chatId, text, clientId);
        upsert([message]);
        setOutbox((previous) => previous.filter((entry) => entry.clientId !== clientId));
      } catch (error) {
        setOutbox((previous) =>
          previous.map((entry) =>
            entry.clientId === clientId ? { ...entry, state: 'failed', error: asApiError(error) } : entry,
          ),
        );
      }
    },
    [chatId, realtime, upsert],
  );

  const send = useCallback(
    (text: string) => {
      const clientId = newClientId();
      setOutbox((previous) => [
        ...previous,
        { clientId, text, createdAt: new Date().toISOString(), state: 'sending', error: null },
      ]);
      void deliver(clientId, text);
    },
    [deliver],
  );

  const retry = useCallback(
    (clientId: string) => {
      const entry = outbox.find((candidate) => candidate.clientId === clientId);
      if (!entry) {
        return;
      }
      setOutbox((previous) =>
        previous.map((candidate) =>
          candidate.clientId === clientId ? { ...candidate, state: 'sending', error: null } : candidate,
        ),
      );
      void deliver(clientId, entry.text);
    },
    [deliver, outbox],
  );

  const otherReadUpTo = laterId(otherLastReadId, readUpTo);
  const entries = useMemo(
    () => conversationEntries({ messages, outbox, myId, otherReadUpTo }),
    [messages, outbox, myId, otherReadUpTo],
  );

  return {
    entries,
    messages,
    isPending: pages.isPending,
    error: pages.data ? null : pages.error,
    refetch: () => void pages.refetch(),
    refetching: pages.isFetching,
    hasOlder: pages.hasNextPage,
    loadingOlder: pages.isFetchingNextPage,
    loadOlder: () => {
      if (pages.hasNextPage && !pages.isFetchingNextPage) {
        void pages.fetchNextPage();
      }
    },
    send,
    retry,
  };
}
