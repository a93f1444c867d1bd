import { Anchor, Box, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle, useDocumentVisibility } from '@mantine/hooks';
import type { ChatMessage, ChatSession } from '@nano/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { usePresence } from '../../../shared/realtime/realtime-provider.tsx';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { useChat } from '../api/get-chat.ts';
import { useMarkChatRead } from '../api/mark-read.ts';
import { useUpdateChat } from '../api/update-chat.ts';
import { Composer } from './composer.tsx';
import { ConversationHeader } from './conversation-header.tsx';
import { useConversationMessages } from './conversation-messages.ts';
import { ConversationNotice } from './conversation-notice.tsx';
import { FlagMessageDialog } from './flag-message-dialog.tsx';
import { MessageList } from './message-list.tsx';
import { newestOtherMessageId } from './message-list-model.ts';
import { useOtherTyping, useTypingNotifier } from './typing-indicator.ts';

/** The conversation fills the window below the app's header (64 px), so that only the history scrolls. */
const VIEW_HEIGHT = 'calc(100dvh - 64px)';

function ConversationNotFound() {
  const { t } = useTranslation();
  return (
    <Container size="md" py="xl">
      <Stack gap="md" align="flex-start">
        <Title order={1}>{t('chat.conversation.notFoundTitle')}</Title>
        <Text>{t('chat.conversation.notFoundText')}</Text>
        <Anchor component={Link} to={paths.chats.getHref()}>
          {t('chat.conversation.toInbox')}
        </Anchor>
      </Stack>
    </Container>
  );
}

/**
 * Sends a read receipt for the other party's newest message once it is on screen: the reader
 * is at the bottom of the history and the tab is visible. On opening only when the session
 * (fetched fresh) has unread messages.
 */
function useReadReceipts(chat: ChatSession, newestOtherId: string | null, ready: boolean, atBottom: boolean) {
  const markRead = useMarkChatRead();
  const visibility = useDocumentVisibility();
  const marked = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!ready) {
      return;
    }
    if (marked.current === undefined) {
      marked.current = chat.unreadCount === 0 ? newestOtherId : null;
    }
    if (newestOtherId === null || newestOtherId === marked.current || !atBottom || visibility !== 'visible') {
      return;
    }
    marked.current = newestOtherId;
    markRead.mutate({ chatId: chat.id, upTo: newestOtherId });
  }, [chat.id, chat.unreadCount, newestOtherId, ready, atBottom, visibility, markRead.mutate]);
}

interface ConversationProps {
  chat: ChatSession;
  myId: string;
  /** The session was fetched since the page opened (its unread count is current). */
  fresh: boolean;
}

function Conversation({ chat, myId, fresh }: ConversationProps) {
  const { t } = useTranslation();
  const other = chat.other;
  const conversation = useConversationMessages({
    chatId: chat.id,
    myId,
    otherId: other.id,
    otherLastReadId: chat.otherLastReadId,
  });
  const presence = usePresence([other.id]);
  const typing = useOtherTyping(chat.id, other.id);
  const notifyTyping = useTypingNotifier(chat.id);
  const mute = useUpdateChat();
  const [flagged, setFlagged] = useState<ChatMessage | null>(null);
  const [atBottom, setAtBottom] = useState(true);
  useReadReceipts(
    chat,
    newestOtherMessageId(conversation.messages, myId),
    fresh && !conversation.isPending,
    atBottom,
  );

  const renderHistory = () => {
    if (conversation.isPending) {
      return <PageLoader />;
    }
    if (conversation.error) {
      return (
        <Box p="md">
          <ErrorAlert
            error={conversation.error}
            message={t('chat.conversation.loadError')}
            onRetry={conversation.refetch}
            retrying={conversation.refetching}
          />
        </Box>
      );
    }
    return (
      <MessageList
        entries={conversation.entries}
        otherName={other.displayName}
        typingName={typing ? other.displayName : null}
        hasOlder={conversation.hasOlder}
        loadingOlder={conversation.loadingOlder}
        loadOlder={conversation.loadOlder}
        onFlag={setFlagged}
        onRetry={conversation.retry}
        onAtBottomChange={setAtBottom}
      />
    );
  };

  return (
    <Container size="md" px={0} h={VIEW_HEIGHT}>
      <Stack gap={0} h="100%">
        <ConversationHeader
          chat={chat}
          online={presence[other.id] ?? other.online}
          onToggleMute={() => mute.mutate({ chatId: chat.id, muted: !chat.muted })}
          mutePending={mute.isPending}
        />
        {renderHistory()}
        <Box
          px={{ base: 'xs', sm: 'md' }}
          py="xs"
          style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
        >
          <Stack gap="xs">
            <ConversationNotice chat={chat} error={mute.error} />
            {chat.canSend && chat.status !== 'disabled' && (
              <Composer onSend={conversation.send} onTyping={notifyTyping} />
            )}
          </Stack>
        </Box>
      </Stack>
      <FlagMessageDialog message={flagged} onClose={() => setFlagged(null)} />
    </Container>
  );
}

/** `/chats/:id`: one conversation with live messages, read receipts, typing indicator and composer. */
export function ConversationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const chat = useChat(id);
  const me = useCurrentUser().data;
  const notFound = chat.error instanceof ApiError && (chat.error.status === 404 || chat.error.status === 400);
  useDocumentTitle(
    t('app.documentTitle', {
      page: chat.data
        ? t('chat.conversation.documentTitle', { name: chat.data.other.displayName })
        : t('chat.conversation.title'),
    }),
  );

  if (notFound) {
    return <ConversationNotFound />;
  }
  if (chat.isError) {
    return (
      <Container size="md" py="xl">
        <ErrorAlert
          error={chat.error}
          message={t('chat.conversation.loadError')}
          onRetry={() => void chat.refetch()}
          retrying={chat.isFetching}
        />
      </Container>
    );
  }
  if (chat.isPending || !me) {
    return <PageLoader />;
  }
  return <Conversation key={chat.data.id} chat={chat.data} myId={me.id} fresh={chat.isFetchedAfterMount} />;
}
