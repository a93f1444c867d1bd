import { Anchor, Container, Paper, Skeleton, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePresence } from '../../../shared/realtime/realtime-provider.tsx';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { SearchIcon } from '../../../shared/ui/icons.tsx';
import { type ChatListStatus, useChats } from '../api/get-chats.ts';
import classes from './chat-inbox.module.css';
import { ChatListItem } from './chat-list-item.tsx';
import { RealtimeStatusNotice } from './realtime-status-notice.tsx';

/** Typing pauses this long before the search is sent. */
const SEARCH_DEBOUNCE_MS = 300;
/** The longest search the API accepts. */
const SEARCH_MAX = 100;
/** Placeholder rows while the first answer is on its way. */
const SKELETON_ROWS = 3;
/** `?archiv=1` selects the archive tab. */
const ARCHIVE_PARAM = 'archiv';

function EmptyState({ status, q }: { status: ChatListStatus; q: string }) {
  const { t } = useTranslation();
  if (q) {
    return <Text c="dimmed">{t('chat.inbox.emptySearch', { q })}</Text>;
  }
  const archived = status === 'archived';
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h4">
          {archived ? t('chat.inbox.emptyArchivedTitle') : t('chat.inbox.emptyActiveTitle')}
        </Title>
        <Text>{archived ? t('chat.inbox.emptyArchivedText') : t('chat.inbox.emptyActiveText')}</Text>
        {!archived && (
          <Anchor component={Link} to={paths.search.getHref()}>
            {t('chat.inbox.discover')}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

/** One tab's conversations: skeleton, error, empty state, or the rows with live presence. */
function ChatList({ status, q }: { status: ChatListStatus; q: string }) {
  const { t } = useTranslation();
  const chats = useChats(status, q);
  const presence = usePresence(chats.data?.map((chat) => chat.other.id) ?? []);
  if (chats.isPending) {
    return (
      <Stack gap="xs" aria-busy="true" aria-label={t('app.loading')}>
        {Array.from({ length: SKELETON_ROWS }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders without identity.
          <Skeleton key={index} height={84} radius="md" />
        ))}
      </Stack>
    );
  }
  if (chats.isError) {
    return (
      <ErrorAlert
        error={chats.error}
        message={t('chat.inbox.loadError')}
        onRetry={() => void chats.refetch()}
        retrying={chats.isFetching}
      />
    );
  }
  if (chats.data.length === 0) {
    return <EmptyState status={status} q={q} />;
  }
  return (
    <ul className={classes.list} aria-label={t('chat.inbox.listLabel')}>
      {chats.data.map((chat) => (
        <li key={chat.id}>
          <ChatListItem chat={chat} online={presence[chat.other.id]} />
        </li>
      ))}
    </ul>
  );
}

/**
 * `/chats`: the user's conversations, active and archived (`?archiv=1`), searchable by the other
 * party's name or the Nano's title; live through the realtime connection.
 */
export function ChatInboxPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('chat.inbox.title') }));
  const [searchParams, setSearchParams] = useSearchParams();
  const status: ChatListStatus = searchParams.get(ARCHIVE_PARAM) === '1' ? 'archived' : 'active';
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);

  const selectTab = (value: string | null) => {
    const next = new URLSearchParams(searchParams);
    if (value === 'archived') {
      next.set(ARCHIVE_PARAM, '1');
    } else {
      next.delete(ARCHIVE_PARAM);
    }
    setSearchParams(next);
  };

  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Title order={1}>{t('chat.inbox.title')}</Title>
        <RealtimeStatusNotice />
        <TextInput
          type="search"
          label={t('chat.inbox.searchLabel')}
          placeholder={t('chat.inbox.searchPlaceholder')}
          leftSection={<SearchIcon />}
          value={search}
          maxLength={SEARCH_MAX}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        <Tabs value={status} onChange={selectTab} keepMounted={false}>
          <Tabs.List aria-label={t('chat.inbox.tabs')} mb="md">
            <Tabs.Tab value="active">{t('chat.inbox.tabActive')}</Tabs.Tab>
            <Tabs.Tab value="archived">{t('chat.inbox.tabArchived')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="active">
            <ChatList status="active" q={q} />
          </Tabs.Panel>
          <Tabs.Panel value="archived">
            <ChatList status="archived" q={q} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Container>
  );
}
