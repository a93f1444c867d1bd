import { Container, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount } from '../../../shared/nanos/format.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { type DateRange, useSearchAnalytics } from '../api/get-search-analytics.ts';
import { TopQueriesTable, ZeroResultQueriesTable } from './analytics-tables.tsx';

/** The default period: the last 30 days, today included. */
const DEFAULT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A local calendar date as `YYYY-MM-DD`. */
function isoDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function defaultRange(now = new Date()): DateRange {
  return { from: isoDate(new Date(now.getTime() - (DEFAULT_DAYS - 1) * DAY_MS)), to: isoDate(now) };
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Title order={2} size="h3" id={headingId}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** `/admin/suchanalyse` (admins): searches, clicks and click-through of a period, top and zero-result queries. */
export function SearchAnalyticsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t('app.documentTitle', { page: t('searchAnalytics.title') }));
  const [draft, setDraft] = useState<DateRange>(defaultRange);
  const rangeValid = draft.from !== '' && draft.to !== '' && draft.from <= draft.to;
  const [range, setRange] = useState<DateRange>(draft);
  const analytics = useSearchAnalytics(range);

  const change = (next: DateRange) => {
    setDraft(next);
    if (next.from !== '' && next.to !== '' && next.from <= next.to) {
      setRange(next);
    }
  };

  const renderContent = () => {
    if (analytics.isPending) {
      return <PageLoader />;
    }
    if (analytics.isError) {
      return (
        <ErrorAlert
          error={analytics.error}
          message={t('searchAnalytics.loadError')}
          onRetry={() => void analytics.refetch()}
          retrying={analytics.isFetching}
        />
      );
    }
    const data = analytics.data;
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    return (
      <Stack
        gap="xl"
        aria-busy={analytics.isPlaceholderData}
        style={{ opacity: analytics.isPlaceholderData ? 0.6 : 1 }}
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <Figure label={t('searchAnalytics.searches')} value={formatCount(data.searches, locale)} />
          <Figure label={t('searchAnalytics.clicks')} value={formatCount(data.clicks, locale)} />
          <Figure
            label={t('searchAnalytics.clickThroughRate')}
            value={percent.format(data.clickThroughRate)}
          />
        </SimpleGrid>
        <Section title={t('searchAnalytics.topQueries')}>
          <TopQueriesTable rows={data.topQueries} />
        </Section>
        <Section title={t('searchAnalytics.zeroResultQueries')}>
          <ZeroResultQueriesTable rows={data.zeroResultQueries} />
        </Section>
      </Stack>
    );
  };

  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('searchAnalytics.title')}</Title>
          <Text c="dimmed">{t('searchAnalytics.intro')}</Text>
        </Stack>
        <Group gap="md" align="flex-start" role="group" aria-label={t('searchAnalytics.period')}>
          <TextInput
            type="date"
            label={t('searchAnalytics.from')}
            value={draft.from}
            max={draft.to || undefined}
            onChange={(event) => change({ ...draft, from: event.currentTarget.value })}
            error={rangeValid ? undefined : t('searchAnalytics.invalidRange')}
          />
          <TextInput
            type="date"
            label={t('searchAnalytics.to')}
            value={draft.to}
            min={draft.from || undefined}
            onChange={(event) => change({ ...draft, to: event.currentTarget.value })}
          />
        </Group>
        {renderContent()}
      </Stack>
    </Container>
  );
}
