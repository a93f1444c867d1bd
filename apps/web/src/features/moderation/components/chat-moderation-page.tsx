import { Badge, Pagination, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import {
  CHAT_MODERATION_PAGE_SIZE,
  CHAT_MODERATION_TABS,
  type ChatModerationTab,
  type HeldMessageItem,
  useChatModerationList,
} from '../api/get-chat-moderation.ts';
import {
  type HeldMessageDecision,
  useDecideHeldMessage,
  useDisableChat,
  useEnableChat,
} from '../api/moderate-chat.ts';
import { ChatDisableDialog } from './chat-disable-dialog.tsx';
import { type ChatModerationActions, ChatModerationItem } from './chat-moderation-item.tsx';

/** What the last action did, for the polite notice above the tabs. */
type Done = 'released' | 'kept' | 'rejected' | 'disabledDone' | 'enabledDone';

/** Nothing waiting in grey; held messages on orange, flagged ones on red (text contrast ≥ 4.5:1 via autoContrast). */
function countColor(tab: ChatModerationTab, total: number): string {
  if (total === 0) {
    return 'gray.2';
  }
  return tab === 'held' ? 'orange.4' : 'red.9';
}

function isTab(value: string | null): value is ChatModerationTab {
  return (CHAT_MODERATION_TABS as readonly (string | null)[]).includes(value);
}

interface TabListProps {
  tab: ChatModerationTab;
  query: ReturnType<typeof useChatModerationList>;
  page: number;
  onPage: (page: number) => void;
  actions: ChatModerationActions;
}

function TabList({ tab, query, page, onPage, actions }: TabListProps) {
  const { t } = useTranslation();
  if (query.isPending) {
    return <PageLoader />;
  }
  if (query.isError) {
    return (
      <ErrorAlert
        error={query.error}
        message={t('chat.moderation.loadError')}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  if (query.data.items.length === 0) {
    return <Text>{t(`chat.moderation.empty.${tab}`)}</Text>;
  }
  const pageCount = Math.ceil(query.data.total / CHAT_MODERATION_PAGE_SIZE);
  return (
    <Stack gap="md">
      <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
        {query.data.items.map((item) => (
          <ChatModerationItem key={item.message.id} item={item} tab={tab} actions={actions} />
        ))}
      </Stack>
      {pageCount > 1 && (
        <Pagination
          total={pageCount}
          value={page}
          onChange={onPage}
          getItemProps={(item) => ({ 'aria-label': t('myNanos.goToPage', { page: item }) })}
          getControlProps={(control) => ({ 'aria-label': t(`myNanos.pagination.${control}`) })}
        />
      )}
    </Stack>
  );
}

/**
 * `/moderation/chat` (moderators and admins; the workspace's "Nachrichten" tab): messages the
 * content filter held and messages participants flagged, each with release/keep, reject, and
 * disabling (or enabling) its session.
 */
export function ChatModerationPage() {
  const { t } = useTranslation();
  useDocumentTitle(
    t('app.documentTitle', { page: `${t('moderation.queues.held_messages')} – ${t('moderation.title')}` }),
  );
  const [tab, setTab] = useState<ChatModerationTab>('held');
  const [pages, setPages] = useState<Record<ChatModerationTab, number>>({ held: 1, flagged: 1 });
  const lists = {
    held: useChatModerationList('held', pages.held),
    flagged: useChatModerationList('flagged', pages.flagged),
  };
  const decide = useDecideHeldMessage();
  const disable = useDisableChat();
  const enable = useEnableChat();
  const [toDisable, setToDisable] = useState<HeldMessageItem | null>(null);
  const [enabling, setEnabling] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  const start = () => {
    setDone(null);
    decide.reset();
    enable.reset();
  };

  const actions: ChatModerationActions = {
    decide: (item, decision: HeldMessageDecision) => {
      start();
      const kept = decision === 'release' && item.message.status !== 'held';
      decide.mutate(
        { messageId: item.message.id, decision },
        { onSuccess: () => setDone(decision === 'reject' ? 'rejected' : kept ? 'kept' : 'released') },
      );
    },
    disable: (item) => {
      start();
      disable.reset();
      setToDisable(item);
    },
    enable: (item) => {
      start();
      setEnabling(item.message.id);
      enable.mutate(
        { chatId: item.chat.id },
        { onSuccess: () => setDone('enabledDone'), onSettled: () => setEnabling(null) },
      );
    },
    busyMessageId: decide.isPending ? (decide.variables?.messageId ?? null) : enabling,
  };

  return (
    <Stack gap="lg">
      <Stack gap={4} maw={760}>
        <Title order={2}>{t('moderation.queues.held_messages')}</Title>
        <Text c="dimmed">{t('chat.moderation.intro')}</Text>
      </Stack>
      {done && <SuccessAlert title={t(`chat.moderation.${done}`)} />}
      <FormErrorAlert error={decide.error ?? enable.error} />
      <Tabs value={tab} onChange={(value) => isTab(value) && setTab(value)}>
        <Tabs.List aria-label={t('moderation.queues.held_messages')}>
          {CHAT_MODERATION_TABS.map((name) => (
            <Tabs.Tab
              key={name}
              value={name}
              rightSection={
                <Badge
                  size="sm"
                  variant="filled"
                  autoContrast
                  color={countColor(name, lists[name].data?.total ?? 0)}
                  aria-hidden="true"
                >
                  {lists[name].data?.total ?? '–'}
                </Badge>
              }
              aria-label={t(`chat.moderation.tabLabel.${name}`, { count: lists[name].data?.total ?? 0 })}
            >
              {t(`chat.moderation.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {CHAT_MODERATION_TABS.map((name) => (
          <Tabs.Panel key={name} value={name} pt="md">
            <TabList
              tab={name}
              query={lists[name]}
              page={pages[name]}
              onPage={(page) => setPages((previous) => ({ ...previous, [name]: page }))}
              actions={actions}
            />
          </Tabs.Panel>
        ))}
      </Tabs>
      <ChatDisableDialog
        key={toDisable?.chat.id ?? 'closed'}
        opened={toDisable !== null}
        onClose={() => setToDisable(null)}
        pending={disable.isPending}
        error={disable.error}
        onConfirm={(reason) => {
          if (!toDisable) {
            return;
          }
          disable.mutate(
            { chatId: toDisable.chat.id, reason },
            {
              onSuccess: () => {
                setToDisable(null);
                setDone('disabledDone');
              },
            },
          );
        }}
      />
    </Stack>
  );
}
