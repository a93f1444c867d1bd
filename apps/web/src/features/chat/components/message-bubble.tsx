import { ActionIcon, Box, Button, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import type { ChatMessage } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { LinkifiedText } from '../../../shared/ui/linkified-text.tsx';
import classes from './message-list.module.css';
import { type ConversationEntry, formatMessageTime, type OutboxEntry } from './message-list-model.ts';
import { OwnMessageState, useSendErrorText } from './message-status.tsx';

/** Under a message that could not be sent: why, and "Erneut senden" (with the same clientId). */
function SendFailure({ entry, onRetry }: { entry: OutboxEntry; onRetry: (clientId: string) => void }) {
  const { t } = useTranslation();
  const reason = useSendErrorText(entry.error);
  return (
    <Group gap="xs" justify="flex-end" role="alert">
      <Text size="xs" c="red.9">
        {reason}
      </Text>
      <Button size="compact-xs" variant="light" color="red.9" onClick={() => onRetry(entry.clientId)}>
        {t('chat.conversation.retry')}
      </Button>
    </Group>
  );
}

interface MessageBubbleProps {
  entry: ConversationEntry;
  /** Who wrote the other party's messages (their display name, or "Gelöschter Nutzer"). */
  otherName: string;
  /** Opens the flag dialog for a message of the other party. */
  onFlag: (message: ChatMessage) => void;
  /** Sends a failed message again. */
  onRetry: (clientId: string) => void;
}

/**
 * One message: own ones on the right (with ticks or their review state), the other party's
 * on the left (with a menu to flag them). Links in the text are safe links; the text stays text.
 */
export function MessageBubble({ entry, otherName, onFlag, onRetry }: MessageBubbleProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const text = entry.kind === 'message' ? entry.message.text : entry.entry.text;
  const failed = entry.kind === 'outbox' && entry.entry.state === 'failed';
  const muted = entry.kind === 'message' && entry.message.status !== 'visible';
  const author = entry.own ? t('chat.conversation.you') : otherName;

  return (
    <Group
      component="article"
      aria-label={author}
      justify={entry.own ? 'flex-end' : 'flex-start'}
      align="flex-start"
      gap={4}
      wrap="nowrap"
      data-own={entry.own}
    >
      <Stack gap={2} align={entry.own ? 'flex-end' : 'flex-start'} maw="min(80%, 560px)">
        <Paper
          className={classes.bubble}
          px="sm"
          py={6}
          radius="lg"
          bg={entry.own ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-gray-1)'}
          style={{
            borderBottomRightRadius: entry.own ? 4 : undefined,
            borderBottomLeftRadius: entry.own ? undefined : 4,
            opacity: muted || failed ? 0.75 : 1,
            outline: failed ? '1px solid var(--mantine-color-red-7)' : undefined,
          }}
        >
          <LinkifiedText text={text} linkify size="sm" />
          <Group gap={6} justify="flex-end" mt={2} wrap="nowrap">
            <Text component="span" size="xs" c="dimmed">
              <time dateTime={entry.createdAt}>{formatMessageTime(entry.createdAt, locale)}</time>
            </Text>
            {entry.own && <OwnMessageState entry={entry} />}
          </Group>
        </Paper>
        {failed && <SendFailure entry={entry.entry} onRetry={onRetry} />}
      </Stack>
      {entry.kind === 'message' && !entry.own && (
        <Box>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t('chat.conversation.messageActions')}
              >
                <span aria-hidden="true">⋯</span>
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => onFlag(entry.message)}>{t('chat.flag.action')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Box>
      )}
    </Group>
  );
}
