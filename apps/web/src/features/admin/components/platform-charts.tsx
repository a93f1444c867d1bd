import { BarChart, LineChart } from '@mantine/charts';
import { FLAG_REASONS, NANO_STATUSES, type PlatformAnalytics } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount } from '../../../shared/nanos/format.ts';
import { formatAxisDay, formatDay } from './admin-format.ts';
import { ChartCard, type DataColumn, DataTable } from './chart-card.tsx';

type DayRow = { day: string } & Record<string, number | string>;

interface DaySeries {
  name: string;
  label: string;
  color: string;
}

/** Rows by day from several per-day lists (a day missing from one list counts 0 there). */
export function mergeDays(lists: Record<string, Array<{ day: string; count: number }>>): DayRow[] {
  const rows = new Map<string, DayRow>();
  const names = Object.keys(lists);
  for (const [name, list] of Object.entries(lists)) {
    for (const { day, count } of list) {
      const row = rows.get(day) ?? Object.fromEntries([['day', day], ...names.map((key) => [key, 0])]);
      row[name] = count;
      rows.set(day, row as DayRow);
    }
  }
  return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * Figures per day as lines, or as bars side by side where one figure is part of the other (so
 * that equal values do not hide a line); the label sums each series up in words, the table has
 * every day.
 */
function DailyChart({
  title,
  description,
  rows,
  series,
  kind = 'lines',
}: {
  title: string;
  description?: string;
  rows: DayRow[];
  series: DaySeries[];
  kind?: 'lines' | 'bars';
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const count = (value: number) => formatCount(value, locale);
  const average = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const figures = series.map((line) => {
    const values = rows.map((row) => Number(row[line.name] ?? 0));
    const total = values.reduce((sum, value) => sum + value, 0);
    return t('admin.analytics.lineSummary', {
      label: line.label,
      total: count(total),
      average: average.format(values.length > 0 ? total / values.length : 0),
      max: count(Math.max(0, ...values)),
    });
  });
  const label = t('admin.analytics.dailyLabel', {
    title,
    from: formatDay(rows[0]?.day, locale),
    to: formatDay(rows.at(-1)?.day, locale),
    figures: figures.join('; '),
  });
  const columns: DataColumn<DayRow>[] = [
    { label: t('admin.analytics.day'), value: (row) => formatDay(row.day, locale) },
    ...series.map((line) => ({
      label: line.label,
      value: (row: DayRow) => count(Number(row[line.name] ?? 0)),
      numeric: true,
    })),
  ];
  return (
    <ChartCard
      title={title}
      description={description}
      empty={rows.length === 0 ? t('admin.analytics.noData') : undefined}
      table={<DataTable caption={title} columns={columns} rows={rows} rowKey={(row) => row.day} />}
    >
      {kind === 'bars' ? (
        <BarChart
          h={240}
          role="img"
          aria-label={label}
          data={rows}
          dataKey="day"
          series={series}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          tickLine="none"
          valueFormatter={(value) => count(value)}
          xAxisProps={{ tickFormatter: (day: unknown) => formatAxisDay(day, locale), minTickGap: 24 }}
          yAxisProps={{ allowDecimals: false, width: 48 }}
          tooltipProps={{ labelFormatter: (day: unknown) => formatDay(day, locale) }}
          tooltipAnimationDuration={150}
        />
      ) : (
        <LineChart
          h={240}
          role="img"
          aria-label={label}
          data={rows}
          dataKey="day"
          series={series}
          curveType="monotone"
          withLegend={series.length > 1}
          legendProps={{ verticalAlign: 'bottom' }}
          withDots={rows.length <= 31}
          strokeWidth={2}
          tickLine="none"
          valueFormatter={(value) => count(value)}
          xAxisProps={{ tickFormatter: (day: unknown) => formatAxisDay(day, locale), minTickGap: 24 }}
          yAxisProps={{ allowDecimals: false, width: 48 }}
          tooltipProps={{ labelFormatter: (day: unknown) => formatDay(day, locale) }}
          tooltipAnimationDuration={150}
        />
      )}
    </ChartCard>
  );
}

export function ActiveUsersChart({ daily }: { daily: PlatformAnalytics['activeUsers']['daily'] }) {
  const { t } = useTranslation();
  return (
    <DailyChart
      title={t('admin.analytics.activeUsersTitle')}
      description={t('admin.analytics.activeUsersHint')}
      rows={mergeDays({ users: daily })}
      series={[{ name: 'users', label: t('admin.analytics.activeUsers'), color: 'blue.7' }]}
    />
  );
}

export function GrowthChart({ data }: { data: PlatformAnalytics }) {
  const { t } = useTranslation();
  return (
    <DailyChart
      title={t('admin.analytics.growthTitle')}
      rows={mergeDays({ registrations: data.registrations, uploads: data.uploadsPerDay })}
      series={[
        { name: 'registrations', label: t('admin.analytics.registrations'), color: 'grape.7' },
        { name: 'uploads', label: t('admin.analytics.uploads'), color: 'teal.7' },
      ]}
    />
  );
}

export function ModerationChart({ daily }: { daily: PlatformAnalytics['moderation']['daily'] }) {
  const { t } = useTranslation();
  const rows = mergeDays({
    decided: daily.map(({ day, decided }) => ({ day, count: decided })),
    withinSla: daily.map(({ day, withinSla }) => ({ day, count: withinSla })),
  });
  return (
    <DailyChart
      title={t('admin.analytics.moderationTitle')}
      description={t('admin.analytics.moderationHint')}
      rows={rows}
      kind="bars"
      series={[
        { name: 'decided', label: t('admin.analytics.decided'), color: 'indigo.7' },
        { name: 'withinSla', label: t('admin.analytics.withinSla'), color: 'teal.7' },
      ]}
    />
  );
}

interface Bar {
  key: string;
  label: string;
  count: number;
}

/** Counts per kind as bars; its label lists every bar in words, its table too. */
function BarsChart({
  title,
  description,
  bars,
  color,
  columnLabel,
}: {
  title: string;
  description?: string;
  bars: Bar[];
  color: string;
  columnLabel: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const count = (value: number) => formatCount(value, locale);
  const total = bars.reduce((sum, bar) => sum + bar.count, 0);
  const label = t('admin.analytics.barsLabel', {
    title,
    figures: bars.map((bar) => `${bar.label}: ${count(bar.count)}`).join(', '),
  });
  const columns: DataColumn<Bar>[] = [
    { label: columnLabel, value: (bar) => bar.label },
    { label: t('admin.analytics.count'), value: (bar) => count(bar.count), numeric: true },
  ];
  return (
    <ChartCard
      title={title}
      description={description}
      empty={total === 0 ? t('admin.analytics.noData') : undefined}
      table={<DataTable caption={title} columns={columns} rows={bars} rowKey={(bar) => bar.key} />}
    >
      <BarChart
        h={Math.max(160, bars.length * 34)}
        role="img"
        aria-label={label}
        data={bars}
        dataKey="label"
        orientation="vertical"
        series={[{ name: 'count', label: t('admin.analytics.count'), color }]}
        gridAxis="none"
        tickLine="none"
        withXAxis={false}
        withBarValueLabel
        valueFormatter={(value) => count(value)}
        yAxisProps={{ width: 150 }}
        tooltipAnimationDuration={150}
      />
    </ChartCard>
  );
}

export function NanosByStatusChart({ rows }: { rows: PlatformAnalytics['nanosByStatus'] }) {
  const { t } = useTranslation();
  const counts = new Map(rows.map((row) => [row.status, row.count]));
  // Deleted Nanos are left out unless there are any.
  const bars = NANO_STATUSES.filter((status) => status !== 'deleted' || (counts.get(status) ?? 0) > 0).map(
    (status) => ({
      key: status,
      label: t(`nanoStatus.${status}`),
      count: counts.get(status) ?? 0,
    }),
  );
  return (
    <BarsChart
      title={t('admin.analytics.nanosByStatusTitle')}
      description={t('admin.analytics.nanosByStatusHint')}
      bars={bars}
      color="blue.7"
      columnLabel={t('admin.analytics.status')}
    />
  );
}

export function RatingsChart({ rows }: { rows: PlatformAnalytics['ratingDistribution'] }) {
  const { t } = useTranslation();
  const counts = new Map(rows.map((row) => [row.stars, row.count]));
  const bars = [5, 4, 3, 2, 1].map((stars) => ({
    key: String(stars),
    label: t('admin.analytics.stars', { count: stars }),
    count: counts.get(stars) ?? 0,
  }));
  return (
    <BarsChart
      title={t('admin.analytics.ratingsTitle')}
      description={t('admin.analytics.ratingsHint')}
      bars={bars}
      color="yellow.6"
      columnLabel={t('admin.analytics.rating')}
    />
  );
}

export function FlagsChart({ rows }: { rows: PlatformAnalytics['flagsByReason'] }) {
  const { t } = useTranslation();
  const counts = new Map(rows.map((row) => [row.reason, row.count]));
  const bars = FLAG_REASONS.map((reason) => ({
    key: reason,
    label: t(`admin.flagReasons.${reason}`),
    count: counts.get(reason) ?? 0,
  }));
  return (
    <BarsChart
      title={t('admin.analytics.flagsTitle')}
      description={t('admin.analytics.flagsHint')}
      bars={bars}
      color="red.7"
      columnLabel={t('admin.analytics.reason')}
    />
  );
}
