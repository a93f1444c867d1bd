import { BarChart } from '@mantine/charts';
import { Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount, formatRating } from '../../../shared/nanos/format.ts';

/** Count and average of a distribution (index 0 = 1 star). */
function summary(distribution: number[]): { count: number; average: number | null } {
  const count = distribution.reduce((sum, n) => sum + n, 0);
  const stars = distribution.reduce((sum, n, index) => sum + n * (index + 1), 0);
  return { count, average: count === 0 ? null : stars / count };
}

/** The all-time rating distribution as horizontal bars, 5 stars at the top, with the same figures as text. */
export function RatingDistributionChart({ distribution }: { distribution: number[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { count, average } = summary(distribution);
  if (count === 0 || average === null) {
    return <Text c="dimmed">{t('analytics.distribution.none')}</Text>;
  }
  const data = [5, 4, 3, 2, 1].map((stars) => ({
    stars: t('analytics.distribution.starsShort', { count: stars }),
    label: t('analytics.distribution.stars', { count: stars }),
    ratings: distribution[stars - 1] ?? 0,
  }));
  return (
    <Stack gap="xs">
      <Text fw={500}>
        {t('analytics.distribution.summary', {
          count,
          average: formatRating(average, locale),
          formatted: formatCount(count, locale),
        })}
      </Text>
      <BarChart
        h={220}
        aria-hidden="true"
        data={data}
        dataKey="stars"
        orientation="vertical"
        series={[{ name: 'ratings', label: t('analytics.distribution.series'), color: 'yellow.6' }]}
        gridAxis="none"
        tickLine="none"
        withXAxis={false}
        withBarValueLabel
        valueFormatter={(value) => formatCount(value, locale)}
        yAxisProps={{ width: 40 }}
        tooltipAnimationDuration={150}
      />
      <VisuallyHidden>
        <ul>
          {data.map((row) => (
            <li key={row.stars}>{`${row.label}: ${formatCount(row.ratings, locale)}`}</li>
          ))}
        </ul>
      </VisuallyHidden>
    </Stack>
  );
}
