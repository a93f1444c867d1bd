import { Group, Progress, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { RatingSummary } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount, formatRating } from '../../../shared/nanos/format.ts';
import { STAR_COLOR, Stars } from './stars.tsx';

/** One bar per star value, 5 at the top; each read out as "5 Sterne: 8 Bewertungen". */
function Distribution({ distribution, count }: Pick<RatingSummary, 'distribution' | 'count'>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = distribution.map((ratings, index) => ({ stars: index + 1, ratings })).reverse();
  return (
    <Stack
      component="ul"
      gap={6}
      aria-label={t('ratings.summary.distribution')}
      style={{ listStyle: 'none', padding: 0, margin: 0, flex: '1 1 16rem', maxWidth: '28rem' }}
    >
      {rows.map(({ stars, ratings }) => (
        <Group component="li" key={stars} gap="sm" wrap="nowrap">
          <Text size="sm" w="2.5rem" ta="right" aria-hidden="true" style={{ whiteSpace: 'nowrap' }}>
            {`${stars} ★`}
          </Text>
          <Progress
            value={count > 0 ? (ratings / count) * 100 : 0}
            color={STAR_COLOR}
            size="lg"
            radius="sm"
            aria-hidden="true"
            style={{ flex: 1 }}
          />
          <Text size="sm" w="3rem" aria-hidden="true">
            {formatCount(ratings, locale)}
          </Text>
          <VisuallyHidden>
            {t('ratings.summary.row', {
              stars: t('ratings.summary.stars', { count: stars }),
              count: ratings,
            })}
          </VisuallyHidden>
        </Group>
      ))}
    </Stack>
  );
}

/** The figures of a Nano's ratings: the average in large, as stars, how many, and how they spread. */
export function RatingSummaryPanel({ summary }: { summary: RatingSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (summary.count === 0 || summary.average === null) {
    return (
      <Text c="dimmed">
        {summary.canRate ? t('ratings.summary.noneYetRate') : t('ratings.summary.noneYet')}
      </Text>
    );
  }
  return (
    <Group gap="xl" align="center">
      <Stack gap={4} align="center" miw="8rem">
        <Text fz={48} fw={700} lh={1} aria-hidden="true">
          {formatRating(summary.average, locale)}
        </Text>
        <Stars score={summary.average} size="md" />
        <Text size="sm" c="dimmed">
          {t('ratings.summary.count', {
            count: summary.count,
            formatted: formatCount(summary.count, locale),
          })}
        </Text>
      </Stack>
      <Distribution distribution={summary.distribution} count={summary.count} />
    </Group>
  );
}
