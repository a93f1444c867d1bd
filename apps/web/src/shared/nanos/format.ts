import type { CategoryTree, Locale } from '@nano/contracts';

/** "4,2" in German, "4.2" in English: a rating average with one decimal. */
export function formatRating(average: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    average,
  );
}

/** A whole number with the locale's grouping ("1.234" in German). */
export function formatCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A file size in the largest fitting unit, counted in 1024s as file managers do, e.g. "3,4 MB". */
export function formatBytes(bytes: number, locale: Locale): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: BYTE_UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** Date and time, e.g. "12.05.2026, 14:30". */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A date, e.g. "12.05.2026". */
export function formatDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

/** The name of an ISO 639-1 language in the interface language ("de" → "Deutsch"). */
export function languageName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Category id → display name ("Business Skills › Excel") in the interface language. */
export function categoryNames(tree: CategoryTree | undefined, locale: Locale): Map<string, string> {
  const names = new Map<string, string>();
  for (const top of tree?.items ?? []) {
    names.set(top.id, top.name[locale]);
    for (const child of top.children) {
      names.set(child.id, `${top.name[locale]} › ${child.name[locale]}`);
    }
  }
  return names;
}
