import { type MantineSize, Rating } from '@mantine/core';
import { FEEDBACK_LIMITS } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatRating } from '../../../shared/nanos/format.ts';

/** Filled stars in a darker amber than Mantine's yellow, for 3:1 contrast against white. */
export const STAR_COLOR = 'orange.7';

/** Steps a shown average is drawn in: tenths of a star. */
const AVERAGE_FRACTIONS = 10;

/** A score or an average as stars, read out as one image: "4 von 5 Sternen", "4,2 von 5 Sternen". */
export function Stars({ score, size = 'sm' }: { score: number; size?: MantineSize }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const whole = Number.isInteger(score);
  return (
    <Rating
      value={score}
      count={FEEDBACK_LIMITS.scoreMax}
      fractions={whole ? 1 : AVERAGE_FRACTIONS}
      readOnly
      size={size}
      color={STAR_COLOR}
      role="img"
      aria-label={t('ratings.starsLabel', {
        score: whole ? String(score) : formatRating(score, locale),
        max: FEEDBACK_LIMITS.scoreMax,
      })}
    />
  );
}
