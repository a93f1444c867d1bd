import { DEFAULT_LOCALE, LOCALES, type Locale, localeSchema } from '@nano/contracts';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json';
import en from './en.json';

/** localStorage key that remembers the visitor's language choice across visits. */
export const LANGUAGE_STORAGE_KEY = 'nano.language';

/** The translation catalogues; German is the source language, English must have the same keys. */
export const resources = { de: { translation: de }, en: { translation: en } } as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: (typeof resources)['de'];
  }
}

/** The remembered language, or German when nothing (valid) was stored or storage is blocked. */
function readStoredLocale(): Locale {
  try {
    return toLocale(window.localStorage.getItem(LANGUAGE_STORAGE_KEY) ?? undefined);
  } catch {
    return DEFAULT_LOCALE;
  }
}

function applyLocale(locale: string): void {
  document.documentElement.lang = locale;
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, locale);
  } catch {
    // Storage can be disabled (private mode, strict settings); the choice then lasts for this page only.
  }
}

/** The application's i18next instance; German by default, the visitor's choice remembered. */
export const i18n = i18next.createInstance();
i18n.on('languageChanged', applyLocale);
i18n.use(initReactI18next);
// With in-memory resources and initAsync off, init completes synchronously.
void i18n.init({
  resources,
  lng: readStoredLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** A supported locale from an i18next language code; German for anything else. */
export function toLocale(language: string | undefined): Locale {
  const parsed = localeSchema.safeParse(language);
  return parsed.success ? parsed.data : DEFAULT_LOCALE;
}

/** The language the interface is shown in right now. */
export function currentLocale(): Locale {
  return toLocale(i18n.resolvedLanguage);
}

/** Switches the interface language; remembered in localStorage and reflected in `<html lang>`. */
export async function changeLocale(locale: Locale): Promise<void> {
  await i18n.changeLanguage(locale);
}
