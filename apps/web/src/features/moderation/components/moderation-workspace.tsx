import { Badge, Container, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import type { ModerationOverview, SlaState } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useModerationOverview } from '../api/get-overview.ts';
import { moderationNoticeOf } from './moderation-notice.ts';
import { SLA_COLORS, SlaIcon } from './sla.tsx';
import { activeTabOf, type QueueName, WORKSPACE_TABS } from './workspace-tabs.ts';

type QueueEntry = ModerationOverview['queues'][number];

/** The count of one queue on its tab, in the colour and with the icon of its oldest item's SLA state. */
function QueueCount({ entry }: { entry: QueueEntry | undefined }) {
  if (!entry) {
    return null;
  }
  if (entry.count === 0 || !entry.sla) {
    return (
      <Badge size="sm" color="gray.2" autoContrast variant="filled" aria-hidden="true">
        0
      </Badge>
    );
  }
  return (
    <Badge
      size="sm"
      color={SLA_COLORS[entry.sla]}
      autoContrast
      variant="filled"
      leftSection={<SlaIcon sla={entry.sla} size={10} />}
      aria-hidden="true"
      data-sla={entry.sla}
    >
      {entry.count}
    </Badge>
  );
}

/** What the icons and colours mean, so that nobody has to rely on the colour. */
function SlaLegend() {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed">
        {t('moderation.legend')}
      </Text>
      {(['ok', 'warning', 'overdue'] as const satisfies SlaState[]).map((sla) => (
        <Badge
          key={sla}
          size="sm"
          color={SLA_COLORS[sla]}
          autoContrast
          variant="filled"
          tt="none"
          leftSection={<SlaIcon sla={sla} size={10} />}
        >
          {`${t(`moderation.sla.${sla}`)} (${t(`moderation.slaRange.${sla}`)})`}
        </Badge>
      ))}
    </Group>
  );
}

/**
 * The moderation workspace (moderators and admins): one tab per queue with its count coloured
 * by SLA, the queue's page below (`/moderation` itself redirects to the first queue).
 */
export function ModerationWorkspace() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const overview = useModerationOverview();
  const active = activeTabOf(location.pathname);
  const notice = moderationNoticeOf(location.state);

  const entryOf = (queue: QueueName) => overview.data?.queues.find((entry) => entry.queue === queue);
  const tabLabel = (queue: QueueName) => {
    const entry = entryOf(queue);
    const name = t(`moderation.queues.${queue}`);
    if (!entry) {
      return name;
    }
    const state =
      entry.count === 0 || !entry.sla
        ? t('moderation.tabBadge.none')
        : t('moderation.tabBadge.count', { count: entry.count, sla: t(`moderation.sla.${entry.sla}`) });
    return `${name}: ${state}`;
  };

  return (
    <Container size="xl" py="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('moderation.title')}</Title>
          <Text c="dimmed">{t('moderation.intro')}</Text>
        </Stack>
        {notice && <SuccessAlert title={notice} />}
        {overview.isError && (
          <ErrorAlert
            error={overview.error}
            message={t('moderation.overviewError')}
            onRetry={() => void overview.refetch()}
            retrying={overview.isFetching}
          />
        )}
        <Tabs
          value={active ?? null}
          onChange={(value) => {
            const tab = WORKSPACE_TABS.find((candidate) => candidate.queue === value);
            if (tab) {
              void navigate(tab.href);
            }
          }}
        >
          <Tabs.List aria-label={t('moderation.tabsLabel')}>
            {WORKSPACE_TABS.map(({ queue }) => (
              <Tabs.Tab
                key={queue}
                value={queue}
                aria-label={tabLabel(queue)}
                rightSection={<QueueCount entry={entryOf(queue)} />}
              >
                {t(`moderation.queues.${queue}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {active ? (
            <Tabs.Panel value={active} pt="lg">
              <Stack gap="lg">
                <SlaLegend />
                <Outlet />
              </Stack>
            </Tabs.Panel>
          ) : (
            <Outlet />
          )}
        </Tabs>
      </Stack>
    </Container>
  );
}
