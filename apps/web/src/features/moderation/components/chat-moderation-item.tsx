import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import type { ChatModerationTab, HeldMessageItem } from '../api/get-chat-moderation.ts';
import type { HeldMessageDecision } from '../api/moderate-chat.ts';

/** What the moderator can do with one entry; the page runs it. */
export interface ChatModerationActions {
  decide: (item: HeldMessageItem, decision: HeldMessageDecision) => void;
  disable: (item: HeldMessageItem) => void;
  enable: (item: HeldMessageItem) => void;
  /** The entry whose action runs now (its buttons spin, the others wait). */
  busyMessageId: string | null;
}

interface ChatModerationItemProps {
  item: HeldMessageItem;
  tab: ChatModerationTab;
  actions: ChatModerationActions;
}

/**
 * One held or flagged message: who wrote it to whom about which Nano and when, the text (as
 * plain text: links are not clickable here), why it is listed, and the decisions.
 */
export function ChatModerationItem({ item, tab, actions }: ChatModerationItemProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message, chat } = item;
  const busy = actions.busyMessageId !== null;
  const running = actions.busyMessageId === message.id;
  const disabled = chat.status === 'disabled';
  const flags = item.flags ?? [];

  return (
    <Paper
      component="li"
      withBorder
      p="md"
      radius="md"
      aria-label={t('chat.moderation.itemLabel', { sender: item.sender.displayName })}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2}>
            <Text fw={600}>
              {t('chat.moderation.route', {
                sender: item.sender.displayName,
                recipient: item.recipient.displayName,
              })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('chat.moderation.nano', { title: chat.nanoTitle })} ·{' '}
              <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, locale)}</time>
            </Text>
          </Stack>
          {disabled && (
            <Badge color="red.9" variant="filled" tt="none">
              {t('chat.moderation.sessionDisabled')}
            </Badge>
          )}
        </Group>
        <Text
          size="sm"
          p="sm"
          bg="var(--mantine-color-gray-0)"
          style={{
            whiteSpace: 'pre-wrap',
            overflowWrap: 'anywhere',
            borderRadius: 'var(--mantine-radius-sm)',
          }}
        >
          {message.text}
        </Text>
        {item.holdReasons.length > 0 && (
          <Group gap="xs">
            <Text size="sm" fw={500}>
              {t('chat.moderation.holdReasons')}:
            </Text>
            {item.holdReasons.map((reason) => (
              <Badge key={reason} color="orange.4" autoContrast variant="filled" tt="none">
                {t(`chat.moderation.holdReason.${reason}`)}
              </Badge>
            ))}
          </Group>
        )}
        {flags.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('chat.moderation.flagReasons')}:
            </Text>
            <Stack component="ul" gap={2} m={0} pl="md">
              {flags.map((flag) => (
                <Text component="li" key={`${flag.createdAt}-${flag.reason}`} size="sm">
                  <Text span fw={500} inherit>
                    {t(`chat.flag.reasons.${flag.reason}`)}
                  </Text>
                  {flag.description ? ` – ${flag.description}` : ''}
                </Text>
              ))}
            </Stack>
          </Stack>
        )}
        <Group gap="xs">
          <Button
            size="xs"
            disabled={busy && !running}
            loading={running}
            onClick={() => actions.decide(item, 'release')}
          >
            {tab === 'held' ? t('chat.moderation.release') : t('chat.moderation.keep')}
          </Button>
          <Button
            size="xs"
            color="red.9"
            variant="outline"
            disabled={busy}
            onClick={() => actions.decide(item, 'reject')}
          >
            {t('chat.moderation.reject')}
          </Button>
          {disabled ? (
            <Button size="xs" variant="default" disabled={busy} onClick={() => actions.enable(item)}>
              {t('chat.moderation.enable')}
            </Button>
          ) : (
            <Button size="xs" variant="default" disabled={busy} onClick={() => actions.disable(item)}>
              {t('chat.moderation.disable')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
