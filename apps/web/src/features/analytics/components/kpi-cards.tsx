import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { CreatorAnalytics } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount, formatRating } from '../../../shared/nanos/format.ts';

function Kpi({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={label}>
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.3}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

/** The range's totals: views, unique viewers per day, downloads, new favourites, new ratings and their average. */
export function KpiCards({ totals }: { totals: CreatorAnalytics['totals'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="md">
      <Kpi
        label={t('analytics.kpi.views')}
        value={formatCount(totals.views, locale)}
        hint={t('analytics.kpi.viewsHint')}
      />
      <Kpi
        label={t('analytics.kpi.uniqueViewers')}
        value={formatCount(totals.uniqueViewers, locale)}
        hint={t('analytics.kpi.uniqueViewersHint')}
      />
      <Kpi
        label={t('analytics.kpi.downloads')}
        value={formatCount(totals.downloads, locale)}
        hint={t('analytics.kpi.downloadsHint')}
      />
      <Kpi
        label={t('analytics.kpi.favorites')}
        value={formatCount(totals.favorites, locale)}
        hint={t('analytics.kpi.favoritesHint')}
      />
      <Kpi
        label={t('analytics.kpi.rating')}
        value={totals.ratingAverage === null ? '–' : formatRating(totals.ratingAverage, locale)}
        hint={t('analytics.kpi.ratingHint', {
          count: totals.ratingsCount,
          formatted: formatCount(totals.ratingsCount, locale),
        })}
      />
    </SimpleGrid>
  );
}
