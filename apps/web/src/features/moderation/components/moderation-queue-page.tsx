import { Container, Pagination, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { QUEUE_PAGE_SIZE, useReviewQueue } from '../api/get-review-queue.ts';
import { type DecidedNotice, decidedNoticeOf } from './decided-notice.ts';
import { QueueTable } from './queue-table.tsx';

function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

function DecidedAlert({ notice }: { notice: DecidedNotice }) {
  const { t } = useTranslation();
  return <SuccessAlert title={t(`moderation.decided.${notice.decision}`, { title: notice.title })} />;
}

/** `/moderation`: what waits for review, oldest first, with age and SLA colour. */
export function ModerationQueuePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('moderation.title') }));
  const [searchParams, setSearchParams] = useSearchParams();
  const notice = decidedNoticeOf(useLocation().state);
  const page = pageFrom(searchParams.get('seite'));
  const queue = useReviewQueue(page);

  const renderContent = () => {
    if (queue.isPending) {
      return <PageLoader />;
    }
    if (queue.isError) {
      return (
        <ErrorAlert
          error={queue.error}
          message={t('moderation.loadError')}
          onRetry={() => void queue.refetch()}
          retrying={queue.isFetching}
        />
      );
    }
    if (queue.data.total === 0) {
      return <Text>{t('moderation.empty')}</Text>;
    }
    const pageCount = Math.ceil(queue.data.total / QUEUE_PAGE_SIZE);
    return (
      <Stack gap="md">
        <Text>{t('moderation.count', { count: queue.data.total })}</Text>
        <QueueTable items={queue.data.items} />
        {pageCount > 1 && (
          <Pagination
            total={pageCount}
            value={page}
            onChange={(next) => setSearchParams(next > 1 ? { seite: String(next) } : {})}
            getItemProps={(item) => ({ 'aria-label': t('myNanos.goToPage', { page: item }) })}
            getControlProps={(control) => ({ 'aria-label': t(`myNanos.pagination.${control}`) })}
          />
        )}
      </Stack>
    );
  };

  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('moderation.title')}</Title>
          <Text c="dimmed">{t('moderation.intro')}</Text>
        </Stack>
        {notice && <DecidedAlert notice={notice} />}
        {renderContent()}
      </Stack>
    </Container>
  );
}
