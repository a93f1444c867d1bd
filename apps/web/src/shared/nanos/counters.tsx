import { Text, type TextProps, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.ts';
import { formatCount, formatRating } from './format.ts';

/** "4,2 ★ (15)", read out as "4,2 von 5 Sternen, 15 Bewertungen"; a note when there is none yet. */
export function RatingSummary({
  average,
  count,
  ...props
}: { average: number | null; count: number } & TextProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (average === null || count === 0) {
    return (
      <Text span {...props}>
        {t('nano.noRatings')}
      </Text>
    );
  }
  const rating = formatRating(average, locale);
  return (
    <Text span {...props}>
      <span aria-hidden="true">{`${rating} ★ (${formatCount(count, locale)})`}</span>
      <VisuallyHidden>{t('nano.ratingLabel', { rating, count })}</VisuallyHidden>
    </Text>
  );
}

/** "♥ 42", read out as "42 Favoriten". */
export function FavoriteCount({ count, ...props }: { count: number } & TextProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Text span {...props}>
      <span aria-hidden="true">{`♥ ${formatCount(count, locale)}`}</span>
      <VisuallyHidden>{t('nano.favoritesLabel', { count })}</VisuallyHidden>
    </Text>
  );
}
