import { Container, Group, Paper, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { useRatedNanoOptions } from '../api/get-my-nano-options.ts';
import { MY_RATINGS_PAGE_SIZE } from '../api/get-my-ratings.ts';
import { type ReceivedRatingsFilter, useReceivedRatings } from '../api/get-received-ratings.ts';
import { PageNavigation, pageFrom } from './page-navigation.tsx';
import { RatedNanoHeader } from './rated-nano-header.tsx';
import { RatingItem } from './rating-item.tsx';

/** The filter in the address (`?nano=&unbeantwortet=1&seite=`), so it survives a reload and can be linked. */
function filterFrom(params: URLSearchParams): ReceivedRatingsFilter {
  return {
    nanoId: params.get('nano'),
    unanswered: params.get('unbeantwortet') === '1',
    page: pageFrom(params.get('seite')),
  };
}

function paramsOf({ nanoId, unanswered, page }: ReceivedRatingsFilter): Record<string, string> {
  return {
    ...(nanoId ? { nano: nanoId } : {}),
    ...(unanswered ? { unbeantwortet: '1' } : {}),
    ...(page > 1 ? { seite: String(page) } : {}),
  };
}

function Filters({
  filter,
  onChange,
}: {
  filter: ReceivedRatingsFilter;
  onChange: (filter: ReceivedRatingsFilter) => void;
}) {
  const { t } = useTranslation();
  const options = useRatedNanoOptions();
  return (
    <Group gap="lg" align="flex-end">
      <Select
        label={t('ratings.received.nano')}
        placeholder={t('ratings.received.allNanos')}
        data={options.data ?? []}
        value={filter.nanoId}
        onChange={(nanoId) => onChange({ ...filter, nanoId, page: 1 })}
        clearable
        searchable
        nothingFoundMessage={t('ratings.received.noNano')}
        clearButtonProps={{ 'aria-label': t('ratings.received.clearNano') }}
        disabled={options.isPending}
        w={{ base: '100%', sm: 360 }}
      />
      <Switch
        label={t('ratings.received.unanswered')}
        checked={filter.unanswered}
        onChange={(event) => onChange({ ...filter, unanswered: event.currentTarget.checked, page: 1 })}
        mb={8}
      />
    </Group>
  );
}

/** `/meine-nanos/bewertungen`: every rating on the creator's Nanos, newest first, to read and answer. */
export function ReceivedRatingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('ratings.received.title') }));
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = filterFrom(searchParams);
  const ratings = useReceivedRatings(filter);
  const setFilter = (next: ReceivedRatingsFilter) => setSearchParams(paramsOf(next));
  const filtered = Boolean(filter.nanoId) || filter.unanswered;
  const lastPage = ratings.data
    ? Math.max(Math.ceil(ratings.data.total / MY_RATINGS_PAGE_SIZE), 1)
    : filter.page;

  // A page beyond the last one (an old link): show the last page.
  useEffect(() => {
    const current = filterFrom(searchParams);
    if (current.page > lastPage) {
      setSearchParams(paramsOf({ ...current, page: lastPage }), { replace: true });
    }
  }, [searchParams, lastPage, setSearchParams]);

  const renderContent = () => {
    if (ratings.isPending) {
      return <PageLoader />;
    }
    if (ratings.isError) {
      return (
        <ErrorAlert
          error={ratings.error}
          message={t('ratings.received.loadError')}
          onRetry={() => void ratings.refetch()}
          retrying={ratings.isFetching}
        />
      );
    }
    if (ratings.data.total === 0) {
      return (
        <Paper withBorder radius="md" p="xl">
          <Text>{filtered ? t('ratings.received.emptyFiltered') : t('ratings.received.empty')}</Text>
        </Paper>
      );
    }
    return (
      <Stack gap="md">
        <Text size="sm" c="dimmed" role="status">
          {t('ratings.received.count', { count: ratings.data.total })}
        </Text>
        <Stack
          component="ul"
          gap="md"
          aria-busy={ratings.isPlaceholderData}
          style={{ listStyle: 'none', padding: 0, margin: 0, opacity: ratings.isPlaceholderData ? 0.6 : 1 }}
        >
          {ratings.data.items.map((rating) => (
            <li key={rating.id}>
              <RatingItem
                rating={rating}
                canVote={false}
                canReply
                header={<RatedNanoHeader nano={rating.nano} />}
                label={t('ratings.received.itemLabel', {
                  name: rating.author.displayName,
                  title: rating.nano.title,
                })}
              />
            </li>
          ))}
        </Stack>
        <PageNavigation
          total={ratings.data.total}
          pageSize={MY_RATINGS_PAGE_SIZE}
          page={filter.page}
          onChange={(page) => setFilter({ ...filter, page })}
        />
      </Stack>
    );
  };

  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('ratings.received.title')}</Title>
          <Text c="dimmed">{t('ratings.received.intro')}</Text>
        </Stack>
        <Filters filter={filter} onChange={setFilter} />
        {renderContent()}
      </Stack>
    </Container>
  );
}
