import { Button, Text } from '@mantine/core';
import type { Rating } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatCount } from '../../../shared/nanos/format.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useSetHelpful } from '../api/set-helpful.ts';

interface HelpfulButtonProps {
  rating: Rating;
  /** Guests and the rating's author only see how many found it helpful. */
  canVote: boolean;
}

/** "Hilfreich (3)" as a toggle button (aria-pressed); the new state shows at once while it is saved. */
export function HelpfulButton({ rating, canVote }: HelpfulButtonProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const helpful = useSetHelpful();
  if (!canVote) {
    if (rating.helpfulCount === 0) {
      return null;
    }
    return (
      <Text size="sm" c="dimmed">
        {t('ratings.helpful.count', {
          count: rating.helpfulCount,
          formatted: formatCount(rating.helpfulCount, locale),
        })}
      </Text>
    );
  }
  const pending = helpful.isPending ? helpful.variables.helpful : undefined;
  const pressed = pending ?? rating.helpfulByMe;
  const count =
    pending === undefined || pending === rating.helpfulByMe
      ? rating.helpfulCount
      : rating.helpfulCount + (pending ? 1 : -1);
  return (
    <>
      <Button
        size="compact-sm"
        variant={pressed ? 'light' : 'default'}
        aria-pressed={pressed}
        // Not disabled while saving: a disabled button would lose the keyboard focus.
        onClick={() => {
          if (!helpful.isPending) {
            helpful.mutate({ rating, helpful: !pressed });
          }
        }}
      >
        {pressed && (
          <span aria-hidden="true" style={{ marginInlineEnd: 4 }}>
            ✓
          </span>
        )}
        {t('ratings.helpful.button', { formatted: formatCount(count, locale) })}
      </Button>
      <FormErrorAlert error={helpful.error} />
    </>
  );
}
