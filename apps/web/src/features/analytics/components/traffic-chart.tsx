import { LineChart } from '@mantine/charts';
import { Stack, Text } from '@mantine/core';
import type { CreatorAnalytics } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount } from '../../../shared/nanos/format.ts';
import { formatAxisDay, formatDay, formatLongDay } from './analytics-format.ts';

/**
 * Views and downloads per day of the range as a line chart (the key figures above say the totals in
 * text). Not Mantine's AreaChart: with React 19 and recharts 2 its areas stay invisible (recharts'
 * react-is 18 does not see the fragments they are wrapped in, mantinedev/mantine#7555).
 */
export function TrafficChart({ days }: { days: CreatorAnalytics['days'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const first = days[0]?.day ?? '';
  const last = days.at(-1)?.day ?? '';
  const endsToday = last === new Date().toISOString().slice(0, 10);
  return (
    <Stack gap="xs">
      <LineChart
        h={280}
        role="img"
        aria-label={t('analytics.traffic.label', {
          from: formatDay(first, locale),
          to: formatDay(last, locale),
        })}
        data={days}
        dataKey="day"
        series={[
          { name: 'views', label: t('analytics.traffic.views'), color: 'blue.6' },
          { name: 'downloads', label: t('analytics.traffic.downloads'), color: 'teal.6' },
        ]}
        curveType="monotone"
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        withDots={days.length <= 31}
        strokeWidth={2}
        tickLine="none"
        valueFormatter={(value) => formatCount(value, locale)}
        xAxisProps={{ tickFormatter: (day: unknown) => formatAxisDay(day, locale), minTickGap: 24 }}
        yAxisProps={{ allowDecimals: false, width: 48 }}
        tooltipProps={{ labelFormatter: (day: unknown) => formatLongDay(day, locale) }}
        tooltipAnimationDuration={150}
      />
      {endsToday && (
        <Text size="xs" c="dimmed">
          {t('analytics.traffic.todayPartial')}
        </Text>
      )}
    </Stack>
  );
}
