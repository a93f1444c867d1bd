import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Dark shades, so the white text keeps the 4.5:1 contrast of WCAG AA. */
const OUTCOME_COLORS: Record<string, string> = {
  success: 'teal.9',
  failure: 'red.9',
  denied: 'grape.9',
};

/** How an audited attempt ended, in words ("Verweigert"); the colour only repeats it. */
export function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useTranslation();
  const known = Object.hasOwn(OUTCOME_COLORS, outcome);
  return (
    <Badge
      color={OUTCOME_COLORS[outcome] ?? 'gray.7'}
      variant="filled"
      size="sm"
      tt="none"
      // A table column must not squeeze the word into an ellipsis.
      miw="max-content"
    >
      {known ? t(`admin.outcomes.${outcome as 'success'}`) : outcome}
    </Badge>
  );
}
