import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { MODERATION_LIMITS, type TakedownStatus } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { useMyTakedowns } from '../api/get-my-takedowns.ts';
import { type OwnTakedown, TakedownNoticeCard } from './takedown-notice-card.tsx';
import classes from './trust.module.css';

/** Notices that still need the creator or the moderators come first. */
const OPEN: readonly TakedownStatus[] = ['awaiting_response', 'responded'];

function openFirst(items: OwnTakedown[]): OwnTakedown[] {
  const rank = (notice: OwnTakedown) => (OPEN.includes(notice.status) ? 0 : 1);
  return [...items].sort((a, b) => rank(a) - rank(b));
}

/**
 * `/meine-nanos/beschwerden`: copyright notices against the creator's Nanos with the deadline
 * and the counter-notice form. The `takedown.notice` notification and its email link here.
 */
export function MyTakedownsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('trust.myTakedowns.title') }));
  const notices = useMyTakedowns();

  const renderContent = () => {
    if (notices.isPending) {
      return <PageLoader />;
    }
    if (notices.isError) {
      return (
        <ErrorAlert
          error={notices.error}
          message={t('trust.myTakedowns.loadError')}
          onRetry={() => void notices.refetch()}
          retrying={notices.isFetching}
        />
      );
    }
    if (notices.data.items.length === 0) {
      return (
        <Paper withBorder radius="md" p="xl">
          <Stack gap="xs">
            <Title order={2} size="h3">
              {t('trust.myTakedowns.emptyTitle')}
            </Title>
            <Text>{t('trust.myTakedowns.emptyText')}</Text>
          </Stack>
        </Paper>
      );
    }
    return (
      <Stack component="ul" gap="md" className={classes.plainList}>
        {openFirst(notices.data.items).map((notice) => (
          <li key={notice.id}>
            <TakedownNoticeCard notice={notice} />
          </li>
        ))}
      </Stack>
    );
  };

  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('trust.myTakedowns.title')}</Title>
          <Text c="dimmed">
            {t('trust.myTakedowns.intro', { hours: MODERATION_LIMITS.takedownResponseHours })}
          </Text>
        </Stack>
        {renderContent()}
      </Stack>
    </Container>
  );
}
