import { Box, SegmentedControl } from '@mantine/core';
import { LOCALES, type Locale } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { changeLocale, toLocale } from '../../shared/i18n/i18n.ts';
import { useLocale } from '../../shared/i18n/use-locale.ts';

/** "DE"/"EN" on narrow screens, the full language name from `sm` up; each in its own language. */
function LanguageName({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  return (
    <span lang={locale}>
      <Box component="span" visibleFrom="sm">
        {t(`language.${locale}`)}
      </Box>
      <Box component="span" hiddenFrom="sm">
        {locale.toUpperCase()}
      </Box>
    </span>
  );
}

/** The interface language as a labelled radio group (arrow keys move between the options). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      size="sm"
      value={locale}
      onChange={(value) => void changeLocale(toLocale(value))}
      data={LOCALES.map((option) => ({ value: option, label: <LanguageName locale={option} /> }))}
    />
  );
}
