import type { Locale } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { toLocale } from './i18n.ts';

/** The current interface language; the component re-renders when it changes. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return toLocale(i18n.resolvedLanguage);
}
