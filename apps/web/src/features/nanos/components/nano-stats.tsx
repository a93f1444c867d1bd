import { Group, Text } from '@mantine/core';
import type { Nano } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { FavoriteCount, RatingSummary } from '../../../shared/nanos/counters.tsx';
import { formatCount } from '../../../shared/nanos/format.ts';

/** Rating, favourites, views and downloads in one line. */
export function NanoStats({ counters }: { counters: Nano['counters'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Group
      gap="lg"
      component="ul"
      aria-label={t('nano.stats')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      <li>
        <RatingSummary average={counters.ratingAverage} count={counters.ratingCount} fw={600} />
      </li>
      <li>
        <FavoriteCount count={counters.favorites} />
      </li>
      <li>
        <Text span>
          {t('nano.views', { count: counters.views, formatted: formatCount(counters.views, locale) })}
        </Text>
      </li>
      <li>
        <Text span>
          {t('nano.downloads', {
            count: counters.downloads,
            formatted: formatCount(counters.downloads, locale),
          })}
        </Text>
      </li>
    </Group>
  );
}
