import { Box, Group, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { AppNotification } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { describeNotification, notificationTypeLabel } from './notification-text.ts';
import { NotificationTypeIcon } from './notification-type-icon.tsx';
import classes from './notifications-page.module.css';
import { formatRelativeTime } from './relative-time.ts';

interface NotificationCentreItemProps {
  notification: AppNotification;
  /** Opening an item marks it read and follows its link, if it has one. */
  onOpen: (notification: AppNotification, href: string | undefined) => void;
}

/** One row of the notification centre: type icon and label, text, relative time, unread marker. */
export function NotificationCentreItem({ notification, onOpen }: NotificationCentreItemProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const view = describeNotification(notification, t);
  const unread = !notification.read;
  const content = (
    <Group gap="md" wrap="nowrap" align="flex-start">
      <NotificationTypeIcon type={notification.type} />
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="xs" fw={600} c="dimmed">
            {notificationTypeLabel(notification.type, t)}
          </Text>
          <Text
            size="xs"
            c="dimmed"
            component="time"
            dateTime={notification.createdAt}
            title={formatDateTime(notification.createdAt, locale)}
            style={{ whiteSpace: 'nowrap' }}
          >
            {formatRelativeTime(notification.createdAt, locale)}
          </Text>
        </Group>
        <Text fw={unread ? 600 : 400} style={{ overflowWrap: 'anywhere' }}>
          {unread && <VisuallyHidden>{t('notifications.unreadMarker')}</VisuallyHidden>}
          {view.text}
        </Text>
        {view.detail && (
          <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {view.detail}
          </Text>
        )}
      </Stack>
      <span
        className={classes.dot}
        aria-hidden="true"
        style={unread ? undefined : { visibility: 'hidden' }}
      />
    </Group>
  );
  // Read items without a page to open are plain text; the others are buttons.
  if (!unread && !view.href) {
    return (
      <Box className={classes.row} component="div">
        {content}
      </Box>
    );
  }
  return (
    <UnstyledButton
      className={classes.row}
      data-unread={unread || undefined}
      onClick={() => onOpen(notification, view.href)}
    >
      {content}
    </UnstyledButton>
  );
}
