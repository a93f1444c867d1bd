import {
  Anchor,
  Box,
  Button,
  Container,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { AppNotification } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { useNotificationPages } from '../api/get-notification-pages.ts';
import { useMarkNotificationsRead } from '../api/mark-notifications-read.ts';
import { NotificationCentreItem } from './notification-centre-item.tsx';
import classes from './notifications-page.module.css';

type Filter = 'all' | 'unread';

/**
 * `/benachrichtigungen`: every notification, newest first, page by page; only the unread ones on
 * request; opening one marks it read and leads to its page; all can be marked read at once.
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('notifications.title') }));
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>('all');
  const pages = useNotificationPages(filter === 'unread');
  const markRead = useMarkNotificationsRead();
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = pages.data?.pages[0]?.unread ?? 0;

  const open = (notification: AppNotification, href: string | undefined) => {
    if (!notification.read) {
      markRead.mutate([notification.id]);
    }
    if (href) {
      void navigate(href);
    }
  };

  const renderList = () => {
    if (pages.isPending) {
      return <PageLoader />;
    }
    if (pages.isError) {
      return (
        <ErrorAlert
          error={pages.error}
          message={t('notifications.loadError')}
          onRetry={() => void pages.refetch()}
          retrying={pages.isFetching}
        />
      );
    }
    if (items.length === 0) {
      return (
        <Paper withBorder radius="md" p="lg">
          <Text>
            {filter === 'unread' ? t('notifications.page.emptyUnread') : t('notifications.page.empty')}
          </Text>
        </Paper>
      );
    }
    return (
      <Stack gap="md">
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Box component="ul" className={classes.list} aria-label={t('notifications.page.listLabel')}>
            {items.map((notification) => (
              <li key={notification.id}>
                <NotificationCentreItem notification={notification} onOpen={open} />
              </li>
            ))}
          </Box>
        </Paper>
        {pages.hasNextPage && (
          <Group justify="center">
            <Button
              variant="default"
              loading={pages.isFetchingNextPage}
              onClick={() => void pages.fetchNextPage()}
            >
              {t('notifications.page.loadMore')}
            </Button>
          </Group>
        )}
        {pages.isFetchNextPageError && (
          <Text size="sm" c="red.9" role="alert">
            {t('notifications.loadError')}
          </Text>
        )}
      </Stack>
    );
  };

  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Stack gap={4}>
            <Title order={1}>{t('notifications.title')}</Title>
            <Text c="dimmed">{t('notifications.page.unreadCount', { count: unread })}</Text>
          </Stack>
          <Anchor component={Link} to={paths.account.getHref('benachrichtigungen')}>
            {t('notifications.page.settingsLink')}
          </Anchor>
        </Group>
        <Group justify="space-between" gap="sm">
          <SegmentedControl
            aria-label={t('notifications.page.filterLabel')}
            value={filter}
            onChange={(value) => setFilter(value as Filter)}
            data={[
              { value: 'all', label: t('notifications.page.filterAll') },
              { value: 'unread', label: t('notifications.page.filterUnread') },
            ]}
          />
          <Button
            variant="default"
            disabled={unread === 0}
            loading={markRead.isPending && markRead.variables === 'all'}
            onClick={() => markRead.mutate('all')}
          >
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <FormErrorAlert error={markRead.error} />
        {renderList()}
      </Stack>
    </Container>
  );
}
