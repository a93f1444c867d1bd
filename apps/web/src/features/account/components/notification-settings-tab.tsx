import { Anchor, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_LIMITS,
  type NotificationChannel,
  type NotificationSettings,
} from '@nano/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SectionCard } from '../../../shared/ui/section-card.tsx';
import { useNotificationSettings, useUpdateNotificationSetting } from '../api/notification-settings.ts';
import classes from './notification-settings-tab.module.css';

type SettingItem = NotificationSettings['items'][number];

/** i18next keys of each type under `notifications.types` (types contain dots, which i18next reads as nesting). */
const TYPE_KEYS = {
  'nano.review_decision': 'reviewDecision',
  'nano.status_changed': 'statusChanged',
  'rating.received': 'ratingReceived',
  'rating.reply_received': 'replyReceived',
  'flag.outcome': 'flagOutcome',
  'chat.message': 'chatMessage',
  'data_export.ready': 'dataExportReady',
  'moderation.decision': 'moderationDecision',
  'takedown.notice': 'takedownNotice',
} as const satisfies Record<SettingItem['type'], string>;

const CHANNEL_KEYS = {
  in_app: 'notifications.settings.channels.inApp',
  email: 'notifications.settings.channels.email',
  off: 'notifications.settings.channels.off',
} as const satisfies Record<NotificationChannel, string>;

/** One type: its name and description, the channel control (saved on change) and its default. */
function SettingRow({ item }: { item: SettingItem }) {
  const { t } = useTranslation();
  const labelId = useId();
  const update = useUpdateNotificationSetting();
  const key = TYPE_KEYS[item.type];
  const value = update.isPending ? update.variables.channel : item.channel;
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={600} id={labelId}>
          {t(`notifications.types.${key}.label`)}
        </Text>
        <Text size="sm" c="dimmed">
          {t(`notifications.types.${key}.description`)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <SegmentedControl
            aria-labelledby={labelId}
            value={value}
            disabled={item.mandatory}
            onChange={(channel) =>
              update.mutate({ type: item.type, channel: channel as NotificationChannel })
            }
            data={NOTIFICATION_CHANNELS.map((channel) => ({
              value: channel,
              label: t(CHANNEL_KEYS[channel]),
            }))}
          />
          <Text size="xs" c="dimmed">
            {item.mandatory
              ? t('notifications.settings.mandatory')
              : t('notifications.settings.default', { channel: t(CHANNEL_KEYS[item.defaultChannel]) })}
          </Text>
          <Text size="xs" role="status" c={update.isError ? 'red.9' : 'teal.9'}>
            {update.isError
              ? t('notifications.settings.saveError')
              : update.isSuccess
                ? t('notifications.settings.saved')
                : ''}
          </Text>
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

/** `/konto/benachrichtigungen`: per type of notification, in the app, also by email, or not at all. */
export function NotificationSettingsTab() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();

  const renderContent = () => {
    if (settings.isPending) {
      return <PageLoader />;
    }
    if (settings.isError) {
      return (
        <ErrorAlert
          error={settings.error}
          message={t('notifications.settings.loadError')}
          onRetry={() => void settings.refetch()}
          retrying={settings.isFetching}
        />
      );
    }
    return (
      <Table
        className={classes.table}
        verticalSpacing="md"
        aria-label={t('notifications.settings.tableLabel')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('notifications.settings.typeColumn')}</Table.Th>
            <Table.Th>{t('notifications.settings.channelColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {settings.data.items.map((item) => (
            <SettingRow key={item.type} item={item} />
          ))}
        </Table.Tbody>
      </Table>
    );
  };

  return (
    <SectionCard
      title={t('notifications.settings.title')}
      description={t('notifications.settings.intro', { minutes: NOTIFICATION_LIMITS.emailBatchMinutes })}
    >
      {renderContent()}
      <Anchor component={Link} to={paths.notifications.getHref()} size="sm">
        {t('notifications.settings.centreLink')}
      </Anchor>
    </SectionCard>
  );
}
