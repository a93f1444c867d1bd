import { Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { RATING_SORTS, type Rating, type RatingSort } from '@nano/contracts';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { RATINGS_PAGE_SIZE, useRatings } from '../api/get-ratings.ts';
import { PageNavigation } from './page-navigation.tsx';
import { RatingItem } from './rating-item.tsx';

interface RatingListProps {
  nanoId: string;
  canVote: boolean;
  canReply: boolean;
  /** Beside each rating's helpful button (the report button, composed in the router). */
  ratingActions?: ((rating: Rating) => ReactNode) | undefined;
}

/** All ratings of a Nano, newest or most helpful first, page by page. */
export function RatingList({ nanoId, canVote, canReply, ratingActions }: RatingListProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const sortLabelId = useId();
  const [sort, setSort] = useState<RatingSort>('newest');
  const [page, setPage] = useState(1);
  const ratings = useRatings(nanoId, sort, page);
  const pageCount = ratings.data ? Math.ceil(ratings.data.total / RATINGS_PAGE_SIZE) : 0;

  // The last rating of the last page was deleted: show the page before.
  useEffect(() => {
    if (ratings.data && page > 1 && page > pageCount) {
      setPage(Math.max(pageCount, 1));
    }
  }, [ratings.data, page, pageCount]);

  const renderContent = () => {
    if (ratings.isPending) {
      return <PageLoader />;
    }
    if (ratings.isError) {
      return (
        <ErrorAlert
          error={ratings.error}
          message={t('ratings.list.loadError')}
          onRetry={() => void ratings.refetch()}
          retrying={ratings.isFetching}
        />
      );
    }
    if (ratings.data.items.length === 0) {
      return <Text c="dimmed">{t('ratings.list.empty')}</Text>;
    }
    return (
      <Stack gap="md">
        <Stack
          component="ul"
          gap="md"
          aria-labelledby={headingId}
          aria-busy={ratings.isPlaceholderData}
          style={{ listStyle: 'none', padding: 0, margin: 0, opacity: ratings.isPlaceholderData ? 0.6 : 1 }}
        >
          {ratings.data.items.map((rating) => (
            <li key={rating.id}>
              <RatingItem
                rating={rating}
                canVote={canVote}
                canReply={canReply}
                actions={ratingActions?.(rating)}
              />
            </li>
          ))}
        </Stack>
        <PageNavigation
          total={ratings.data.total}
          pageSize={RATINGS_PAGE_SIZE}
          page={page}
          onChange={(next) => {
            setPage(next);
            document.getElementById(headingId)?.scrollIntoView({ block: 'start' });
          }}
        />
      </Stack>
    );
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" gap="sm">
        <Title order={3} size="h4" id={headingId}>
          {t('ratings.list.title')}
        </Title>
        <Group gap="xs">
          <Text size="sm" id={sortLabelId}>
            {t('ratings.list.sort')}
          </Text>
          <SegmentedControl
            aria-labelledby={sortLabelId}
            size="xs"
            value={sort}
            onChange={(value) => {
              setSort(RATING_SORTS.find((option) => option === value) ?? 'newest');
              setPage(1);
            }}
            data={RATING_SORTS.map((option) => ({ value: option, label: t(`ratings.sort.${option}`) }))}
          />
        </Group>
      </Group>
      {renderContent()}
    </Stack>
  );
}
