// The chart styles come with this lazily loaded page, not with every page.
import '@mantine/charts/styles.css';
import {
  Button,
  Container,
  Grid,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { CreatorAnalytics } from '@nano/contracts';
import { type ReactNode, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { useCreatorAnalytics } from '../api/get-creator-analytics.ts';
import {
  ANALYTICS_RANGES,
  type AnalyticsRange,
  DEFAULT_ANALYTICS_RANGE,
  isAnalyticsRange,
  rangeDays,
} from './analytics-range.ts';
import { KpiCards } from './kpi-cards.tsx';
import { NanoStatsTable } from './nano-stats-table.tsx';
import { RatingDistributionChart } from './rating-distribution-chart.tsx';
import { TrafficChart } from './traffic-chart.tsx';

/** The address keeps the period and the Nano, so a reload or a shared link shows the same view. */
const RANGE_PARAM = 'zeitraum';
const NANO_PARAM = 'nano';
/** The Select's value for "all Nanos" (an option needs a non-empty value). */
const ALL_NANOS = 'alle';

function Section({ title, aside, children }: { title: string; aside?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} h="100%">
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          {aside}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

function EmptyState() {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack gap="sm" align="flex-start">
        <Title order={2}>{t('analytics.empty.title')}</Title>
        <Text>{t('analytics.empty.text')}</Text>
        <Button component={Link} to={paths.myNanos.getHref()}>
          {t('analytics.empty.action')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** True when nothing was ever published: no Nano is (or was, judging by its figures) public. */
function nothingPublished(data: CreatorAnalytics): boolean {
  return (
    !data.nanos.some((nano) => nano.status === 'published') &&
    data.nanos.every((nano) => nano.views === 0 && nano.ratingCountAllTime === 0)
  );
}

function Dashboard({ data }: { data: CreatorAnalytics }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap="lg">
      <KpiCards totals={data.totals} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Section title={t('analytics.traffic.title')}>
            <TrafficChart days={data.days} />
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Section
            title={t('analytics.distribution.title')}
            aside={
              <Text size="sm" c="dimmed">
                {t('analytics.distribution.subtitle')}
              </Text>
            }
          >
            <RatingDistributionChart distribution={data.ratingDistribution} />
          </Section>
        </Grid.Col>
      </Grid>
      <Section title={t('analytics.table.title')}>
        <NanoStatsTable rows={data.nanos} />
      </Section>
      <Text size="sm" c="dimmed">
        {data.updatedAt
          ? t('analytics.updatedAt', { time: formatDateTime(data.updatedAt, locale) })
          : t('analytics.notUpdated')}{' '}
        {t('analytics.privacy')}
      </Text>
    </Stack>
  );
}

/** `/meine-nanos/statistik` (creators): views, unique viewers, downloads, favourites and ratings of the own Nanos. */
export function CreatorAnalyticsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('analytics.title') }));
  const rangeLabelId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const rangeParam = searchParams.get(RANGE_PARAM);
  const range: AnalyticsRange = isAnalyticsRange(rangeParam) ? rangeParam : DEFAULT_ANALYTICS_RANGE;
  const nanoId = searchParams.get(NANO_PARAM) ?? undefined;
  const days = useMemo(() => rangeDays(range), [range]);
  const analytics = useCreatorAnalytics({ ...days, nanoId });

  const change = (next: { range?: AnalyticsRange; nanoId?: string | null }) => {
    const params = new URLSearchParams(searchParams);
    const nextRange = next.range ?? range;
    if (nextRange === DEFAULT_ANALYTICS_RANGE) {
      params.delete(RANGE_PARAM);
    } else {
      params.set(RANGE_PARAM, nextRange);
    }
    const nextNano = next.nanoId === undefined ? nanoId : next.nanoId;
    if (nextNano) {
      params.set(NANO_PARAM, nextNano);
    } else {
      params.delete(NANO_PARAM);
    }
    setSearchParams(params, { replace: true });
  };

  const nanoOptions = [
    { value: ALL_NANOS, label: t('analytics.allNanos') },
    ...(analytics.data?.nanos ?? [])
      .map((nano) => ({ value: nano.nanoId, label: nano.title }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  ];

  const renderContent = () => {
    if (analytics.isPending) {
      return <PageLoader />;
    }
    if (analytics.isError) {
      return (
        <ErrorAlert
          error={analytics.error}
          message={t('analytics.loadError')}
          onRetry={() => void analytics.refetch()}
          retrying={analytics.isFetching}
        />
      );
    }
    if (nothingPublished(analytics.data)) {
      return <EmptyState />;
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
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>
            <Title order={1}>{t('analytics.title')}</Title>
            <Text c="dimmed">{t('analytics.intro')}</Text>
          </Stack>
          <Button component={Link} to={paths.receivedRatings.getHref()} variant="default">
            {t('analytics.allRatings')}
          </Button>
        </Group>
        <Group gap="md" align="flex-end" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id={rangeLabelId}>
              {t('analytics.period')}
            </Text>
            <SegmentedControl
              aria-labelledby={rangeLabelId}
              value={range}
              onChange={(value) =>
                change({ range: isAnalyticsRange(value) ? value : DEFAULT_ANALYTICS_RANGE })
              }
              data={ANALYTICS_RANGES.map((value) => ({ value, label: t(`analytics.ranges.${value}`) }))}
            />
          </Stack>
          <Select
            label={t('analytics.nano')}
            data={nanoOptions}
            value={nanoId ?? ALL_NANOS}
            onChange={(value) => change({ nanoId: value && value !== ALL_NANOS ? value : null })}
            allowDeselect={false}
            searchable
            disabled={!analytics.data}
            w={{ base: '100%', sm: 320 }}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        {renderContent()}
      </Stack>
    </Container>
  );
}
