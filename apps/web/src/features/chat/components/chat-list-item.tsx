import {
  ActionIcon,
  Badge,
  Box,
  Group,
  Image,
  Indicator,
  Menu,
  Paper,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { CHAT_LIMITS, type ChatSession } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { paths } from '../../../shared/routes.ts';
import { BellOffIcon } from '../../../shared/ui/icons.tsx';
import { UserAvatar } from '../../../shared/ui/user-avatar.tsx';
import { useUpdateChat } from '../api/update-chat.ts';
import classes from './chat-inbox.module.css';
import { formatChatListTime } from './chat-list-time.ts';

/** Size of the Nano's thumbnail in a row (16:9). */
const THUMBNAIL_WIDTH = 80;
const THUMBNAIL_HEIGHT = 45;

/** "Sie: …" for the caller's own last message, "(wird geprüft) …" while the filter holds it. */
function usePreview(chat: ChatSession): string {
  const { t } = useTranslation();
  const message = chat.lastMessage;
  if (!message) {
    return t('chat.inbox.noMessages');
  }
  const text = Array.from(message.text).slice(0, CHAT_LIMITS.previewMax).join('');
  const own = message.senderId !== null && message.senderId !== chat.other.id;
  if (!own) {
    return text;
  }
  return t('chat.inbox.own', { text: message.status === 'held' ? t('chat.inbox.held', { text }) : text });
}

interface ChatListItemProps {
  chat: ChatSession;
  /** Live presence of the other party (from the socket); undefined → what the list said. */
  online: boolean | undefined;
}

/**
 * One conversation in the inbox: the Nano's thumbnail, the other party (avatar with online dot,
 * name), the Nano's title, the last message, when, unread count, muted and disabled marks; the
 * row leads to the conversation, its menu mutes or unmutes it.
 */
export function ChatListItem({ chat, online = chat.other.online }: ChatListItemProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const update = useUpdateChat();
  const preview = usePreview(chat);
  const unread = chat.unreadCount > 0;
  const movedAt = chat.lastMessageAt ?? chat.createdAt;
  return (
    <Paper withBorder radius="md" className={classes.row} data-unread={unread || undefined}>
      <Group gap={0} wrap="nowrap" align="stretch">
        <UnstyledButton component={Link} to={paths.chat.getHref(chat.id)} className={classes.link}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            {/* On a phone the row needs its width for the name and the message; the Nano's title stays. */}
            <Box visibleFrom="xs" className={classes.thumbnail}>
              {chat.nano.thumbnailUrl ? (
                <Image
                  src={chat.nano.thumbnailUrl}
                  alt=""
                  w={THUMBNAIL_WIDTH}
                  h={THUMBNAIL_HEIGHT}
                  radius="sm"
                  fit="cover"
                />
              ) : (
                <Box w={THUMBNAIL_WIDTH} h={THUMBNAIL_HEIGHT} bg="gray.1" className={classes.thumbnail} />
              )}
            </Box>
            <Stack gap={2} className={classes.body}>
              <Group gap="xs" justify="space-between" wrap="nowrap">
                <Group gap={8} wrap="nowrap" className={classes.body}>
                  <Indicator
                    color="teal.7"
                    size={10}
                    offset={3}
                    position="bottom-end"
                    withBorder
                    disabled={!online}
                  >
                    <UserAvatar name={chat.other.displayName} url={chat.other.avatarUrl} size={28} />
                  </Indicator>
                  <Text fw={unread ? 700 : 600} truncate="end">
                    {chat.other.displayName}
                  </Text>
                  {online && <VisuallyHidden>{t('chat.inbox.online')}</VisuallyHidden>}
                </Group>
                <Text size="xs" c="dimmed" component="time" dateTime={movedAt} className={classes.time}>
                  {formatChatListTime(movedAt, locale, t)}
                </Text>
              </Group>
              <Text size="xs" c="dimmed" truncate="end">
                {t('chat.inbox.about', { title: chat.nano.title })}
              </Text>
              <Group gap="xs" justify="space-between" wrap="nowrap">
                <Text
                  size="sm"
                  fw={unread ? 600 : 400}
                  c={chat.lastMessage ? undefined : 'dimmed'}
                  truncate="end"
                >
                  {preview}
                </Text>
                <Group gap={6} wrap="nowrap">
                  {chat.muted && (
                    <Tooltip label={t('chat.inbox.muted')}>
                      <Box component="span" c="dimmed" className={classes.icon}>
                        <BellOffIcon />
                        <VisuallyHidden>{t('chat.inbox.muted')}</VisuallyHidden>
                      </Box>
                    </Tooltip>
                  )}
                  {unread && (
                    <Badge color="red.9" variant="filled" size="sm" tt="none" circle={chat.unreadCount < 10}>
                      <span aria-hidden="true">{chat.unreadCount > 99 ? '99+' : chat.unreadCount}</span>
                      <VisuallyHidden>{t('chat.inbox.unread', { count: chat.unreadCount })}</VisuallyHidden>
                    </Badge>
                  )}
                </Group>
              </Group>
              {chat.status === 'disabled' && (
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Badge color="red.9" variant="light" size="sm" className={classes.noShrink}>
                    {t('chat.inbox.disabled')}
                  </Badge>
                  {chat.disabledReason && (
                    <Text size="xs" c="red.9" lineClamp={2}>
                      {t('chat.inbox.disabledReason', { reason: chat.disabledReason })}
                    </Text>
                  )}
                </Group>
              )}
            </Stack>
          </Group>
        </UnstyledButton>
        <Menu position="bottom-end" shadow="md" withinPortal>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="dark"
              className={classes.menu}
              aria-label={t('chat.inbox.rowMenu', { name: chat.other.displayName })}
              loading={update.isPending}
            >
              <span aria-hidden="true">⋮</span>
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => update.mutate({ chatId: chat.id, muted: !chat.muted })}>
              {chat.muted ? t('chat.inbox.unmute') : t('chat.inbox.mute')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {update.isError && (
        <Text size="xs" c="red.9" px="sm" pb="xs" role="alert">
          {t('chat.inbox.muteError')}
        </Text>
      )}
    </Paper>
  );
}
