import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Group,
  Indicator,
  Popover,
  Stack,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import type { AppNotification } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import { BellIcon } from '../../../shared/ui/icons.tsx';
import { useNotifications } from '../api/get-notifications.ts';
import { useMarkNotificationsRead } from '../api/mark-notifications-read.ts';
import classes from './notification-bell.module.css';
import { describeNotification } from './notification-text.ts';
import { NotificationTypeIcon } from './notification-type-icon.tsx';
import { formatRelativeTime } from './relative-time.ts';

function NotificationItem({
  notification,
  onOpen,
}: {
  notification: AppNotification;
  onOpen: (notification: AppNotification, href: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const view = describeNotification(notification, t);
  return (
    <li>
      <UnstyledButton
        className={classes.item}
        data-unread={notification.read ? undefined : true}
        onClick={() => onOpen(notification, view.href)}
      >
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <span className={classes.dot} aria-hidden="true" />
          <NotificationTypeIcon type={notification.type} size={28} />
          <Stack gap={2} style={{ minWidth: 0 }}>
            {!notification.read && <VisuallyHidden>{t('notifications.unreadMarker')}</VisuallyHidden>}
            <Text size="sm" fw={notification.read ? 400 : 600}>
              {view.text}
            </Text>
            {view.detail && (
              <Text size="xs" lineClamp={2}>
                {view.detail}
              </Text>
            )}
            <Text
              size="xs"
              c="dimmed"
              component="time"
              dateTime={notification.createdAt}
              title={formatDateTime(notification.createdAt, locale)}
            >
              {formatRelativeTime(notification.createdAt, locale)}
            </Text>
          </Stack>
        </Group>
      </UnstyledButton>
    </li>
  );
}

/**
 * The header's bell for signed-in users: the unread count, and on click the newest
 * notifications (each leads to its page and counts as read), "mark all as read" and a link to
 * the notification centre.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  const open = (notification: AppNotification, href: string | undefined) => {
    if (!notification.read) {
      markRead.mutate([notification.id]);
    }
    setOpened(false);
    if (href) {
      void navigate(href);
    }
  };

  return (
    // The indicator wraps the popover, not its target: the target gets aria-expanded, which only a button may carry.
    <Indicator
      label={unread > 99 ? '99+' : unread}
      size={18}
      disabled={unread === 0}
      color="red.9"
      offset={4}
    >
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        width="min(400px, calc(100vw - 16px))"
        shadow="md"
        trapFocus
      >
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="dark"
            size="lg"
            onClick={() => setOpened((value) => !value)}
            aria-label={t('notifications.open', { count: unread })}
          >
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="sm">
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap">
              <Title order={2} size="h5">
                {t('notifications.title')}
              </Title>
              <Button
                variant="subtle"
                size="compact-sm"
                disabled={unread === 0}
                loading={markRead.isPending && markRead.variables === 'all'}
                onClick={() => markRead.mutate('all')}
              >
                {t('notifications.markAllRead')}
              </Button>
            </Group>
            {items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {notifications.isError ? t('notifications.loadError') : t('notifications.empty')}
              </Text>
            ) : (
              <Box component="ul" className={classes.list} aria-label={t('notifications.listLabel')}>
                {items.map((notification) => (
                  <NotificationItem key={notification.id} notification={notification} onOpen={open} />
                ))}
              </Box>
            )}
            <Anchor
              component={Link}
              to={paths.notifications.getHref()}
              size="sm"
              ta="center"
              onClick={() => setOpened(false)}
            >
              {t('notifications.showAll')}
            </Anchor>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
