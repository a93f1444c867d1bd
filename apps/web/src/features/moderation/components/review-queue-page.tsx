import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams, useSearchParams } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { type ReviewQueueSort, useReviewQueue } from '../api/get-review-queue.ts';
import { ListPagination, pageFrom } from './list-pagination.tsx';
import { ReviewQueueTable } from './review-queue-table.tsx';
import { REVIEW_QUEUE_SLUGS, reviewQueueTypeOf } from './workspace-tabs.ts';

/** `?sortierung=neueste` shows the newest first; the default is the oldest first. */
const NEWEST = 'neueste';

/**
 * `/moderation/pruefungen/:queue` (`neu`, `aktualisierungen`, `stichproben`): one review queue,
 * oldest first by default, with age, SLA colour and who holds each review; paged.
 */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const { queue: slug } = useParams();
  const type = reviewQueueTypeOf(slug);
  const [searchParams, setSearchParams] = useSearchParams();
  const sort: ReviewQueueSort = searchParams.get('sortierung') === NEWEST ? 'newest' : 'oldest';
  const page = pageFrom(searchParams.get('seite'));
  const queue = useReviewQueue(type ?? 'new', sort, page);
  useDocumentTitle(
    t('app.documentTitle', {
      page: `${t(`moderation.reviews.title.${type ?? 'new'}`)} – ${t('moderation.title')}`,
    }),
  );

  if (!type) {
    return <Navigate to={paths.moderationReviews.getHref(REVIEW_QUEUE_SLUGS.new)} replace />;
  }

  const update = (next: { sort?: ReviewQueueSort; page?: number }) => {
    const query = new URLSearchParams();
    if ((next.sort ?? sort) === 'newest') {
      query.set('sortierung', NEWEST);
    }
    const nextPage = next.page ?? 1;
    if (nextPage > 1) {
      query.set('seite', String(nextPage));
    }
    setSearchParams(query);
  };

  const renderContent = () => {
    if (queue.isPending) {
      return <PageLoader />;
    }
    if (queue.isError) {
      return (
        <ErrorAlert
          error={queue.error}
          message={t('moderation.reviews.loadError')}
          onRetry={() => void queue.refetch()}
          retrying={queue.isFetching}
        />
      );
    }
    if (queue.data.total === 0) {
      return <Text>{t(`moderation.reviews.empty.${type}`)}</Text>;
    }
    return (
      <Stack gap="md">
        <Text>{t('moderation.reviews.count', { count: queue.data.total })}</Text>
        <ReviewQueueTable items={queue.data.items} sort={sort} />
        <ListPagination total={queue.data.total} page={page} onChange={(next) => update({ page: next })} />
      </Stack>
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="md">
        <Stack gap={4} maw={720}>
          <Title order={2}>{t(`moderation.reviews.title.${type}`)}</Title>
          <Text c="dimmed">{t(`moderation.reviews.intro.${type}`)}</Text>
        </Stack>
        <Select
          label={t('moderation.reviews.sort')}
          data={(['oldest', 'newest'] as const).map((value) => ({
            value,
            label: t(`moderation.reviews.sortOptions.${value}`),
          }))}
          value={sort}
          onChange={(value) => update({ sort: value === 'newest' ? 'newest' : 'oldest' })}
          allowDeselect={false}
          w={200}
        />
      </Group>
      {renderContent()}
    </Stack>
  );
}
