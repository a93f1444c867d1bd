// The chart styles come with this lazily loaded page, not with every page.
import '@mantine/charts/styles.css';
import {
  Anchor,
  Container,
  Grid,
  Group,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { ADMIN_LIMITS, type PlatformAnalytics } from '@nano/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { type DayRange, usePlatformAnalytics } from '../api/get-platform-analytics.ts';
import { formatDay } from './admin-format.ts';
import {
  CUSTOM_RANGE,
  presetRange,
  RANGE_PRESETS,
  type RangeChoice,
  rangeFromParams,
  rangeProblem,
  rangeToParams,
} from './analytics-range.ts';
import {
  ActiveUsersChart,
  FlagsChart,
  GrowthChart,
  ModerationChart,
  NanosByStatusChart,
  RatingsChart,
} from './platform-charts.tsx';
import { PlatformKpis } from './platform-kpis.tsx';
import { SearchesTable } from './search-tables.tsx';

function Dashboard({ data }: { data: PlatformAnalytics }) {
  const { t } = useTranslation();
  const half = { base: 12, md: 6 };
  return (
    <Stack gap="lg">
      <PlatformKpis data={data} />
      <Grid gutter="md">
        <Grid.Col span={half}>
          <ActiveUsersChart daily={data.activeUsers.daily} />
        </Grid.Col>
        <Grid.Col span={half}>
          <GrowthChart data={data} />
        </Grid.Col>
        <Grid.Col span={half}>
          <ModerationChart daily={data.moderation.daily} />
        </Grid.Col>
        <Grid.Col span={half}>
          <FlagsChart rows={data.flagsByReason} />
        </Grid.Col>
        <Grid.Col span={half}>
          <NanosByStatusChart rows={data.nanosByStatus} />
        </Grid.Col>
        <Grid.Col span={half}>
          <RatingsChart rows={data.ratingDistribution} />
        </Grid.Col>
        <Grid.Col span={half}>
          <SearchesTable
            title={t('admin.analytics.topSearchesTitle')}
            caption={t('admin.analytics.topSearchesCaption')}
            empty={t('admin.analytics.noSearches')}
            rows={data.topSearches}
          />
        </Grid.Col>
        <Grid.Col span={half}>
          <SearchesTable
            title={t('admin.analytics.zeroSearchesTitle')}
            caption={t('admin.analytics.zeroSearchesCaption')}
            empty={t('admin.analytics.noZeroSearches')}
            rows={data.zeroResultSearches}
          />
        </Grid.Col>
      </Grid>
      <Text size="sm" c="dimmed">
        {t('admin.analytics.footnote')}{' '}
        <Anchor component={Link} to={paths.searchAnalytics.getHref()} size="sm" underline="always" c="blue.9">
          {t('admin.analytics.searchAnalyticsLink')}
        </Anchor>
      </Text>
    </Stack>
  );
}

/** The own period's two days; asked for only once both are complete and in order. */
function CustomRange({ range, onChange }: { range: DayRange; onChange: (range: DayRange) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<DayRange>(range);
  const problem = rangeProblem(draft);
  const change = (next: DayRange) => {
    setDraft(next);
    if (rangeProblem(next) === null) {
      onChange(next);
    }
  };
  return (
    <Group gap="md" align="flex-start" role="group" aria-label={t('admin.analytics.customRange')}>
      <TextInput
        type="date"
        label={t('admin.analytics.from')}
        value={draft.from}
        max={draft.to || undefined}
        onChange={(event) => change({ ...draft, from: event.currentTarget.value })}
        error={
          problem === 'order'
            ? t('admin.invalidRange')
            : problem === 'tooLong'
              ? t('admin.analytics.tooLong', { max: ADMIN_LIMITS.analyticsMaxDays })
              : undefined
        }
      />
      <TextInput
        type="date"
        label={t('admin.analytics.to')}
        value={draft.to}
        min={draft.from || undefined}
        onChange={(event) => change({ ...draft, to: event.currentTarget.value })}
      />
    </Group>
  );
}

/** `/admin/statistik` (admins): the platform's activity, growth, content, moderation and errors over a period. */
export function PlatformAnalyticsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t('app.documentTitle', { page: t('admin.analytics.title') }));
  const rangeLabelId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const { choice, range } = rangeFromParams(searchParams);
  const analytics = usePlatformAnalytics(range);

  const choose = (next: RangeChoice) => {
    // The own period starts from the one on screen.
    const nextRange = next === CUSTOM_RANGE ? range : presetRange(next);
    setSearchParams(rangeToParams(next, nextRange), { replace: true });
  };

  const renderContent = () => {
    if (analytics.isPending) {
      return <PageLoader />;
    }
    if (analytics.isError) {
      return (
        <ErrorAlert
          error={analytics.error}
          message={t('admin.analytics.loadError')}
          onRetry={() => void analytics.refetch()}
          retrying={analytics.isFetching}
        />
      );
    }
    return (
      <div
        aria-busy={analytics.isPlaceholderData}
        style={{ opacity: analytics.isPlaceholderData ? 0.6 : 1, transition: 'opacity 150ms' }}
      >
        <Dashboard data={analytics.data} />
      </div>
    );
  };

  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('admin.analytics.title')}</Title>
          <Text c="dimmed">{t('admin.analytics.intro')}</Text>
        </Stack>
        <Group gap="lg" align="flex-end" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id={rangeLabelId}>
              {t('admin.analytics.period')}
            </Text>
            <SegmentedControl
              aria-labelledby={rangeLabelId}
              value={choice}
              onChange={(value) => choose(value as RangeChoice)}
              data={[
                ...RANGE_PRESETS.map((value) => ({
                  value,
                  label: t('admin.analytics.lastDays', { count: Number(value) }),
                })),
                { value: CUSTOM_RANGE, label: t('admin.analytics.custom') },
              ]}
            />
          </Stack>
          {choice === CUSTOM_RANGE && (
            <CustomRange
              key={`${range.from}..${range.to}`}
              range={range}
              onChange={(next) => setSearchParams(rangeToParams(CUSTOM_RANGE, next), { replace: true })}
            />
          )}
        </Group>
        <Text size="sm" role="status">
          {t('admin.analytics.showing', {
            from: formatDay(range.from, locale),
            to: formatDay(range.to, locale),
          })}
        </Text>
        {renderContent()}
      </Stack>
    </Container>
  );
}
