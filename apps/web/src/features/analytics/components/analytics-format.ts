import type { Locale } from '@nano/contracts';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Formats a `YYYY-MM-DD` day as its UTC date (the dashboard's days are UTC days, whatever the
 * browser's zone). Anything else gives an empty string: the chart also asks for labels of
 * nothing, e.g. for its tooltip before the pointer is on a day.
 */
function formatUtcDay(day: unknown, locale: Locale, options: Intl.DateTimeFormatOptions): string {
  const date = typeof day === 'string' && DAY_PATTERN.test(day) ? new Date(`${day}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    return '';
  }
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
}

/** "12. Mai" / "May 12": a day on the chart's axis. */
export function formatAxisDay(day: unknown, locale: Locale): string {
  return formatUtcDay(day, locale, { day: 'numeric', month: 'short' });
}

/** "Di., 12. Mai 2026" / "Tue, May 12, 2026": a day in the chart's tooltip. */
export function formatLongDay(day: unknown, locale: Locale): string {
  return formatUtcDay(day, locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

/** "12.05.2026" / "May 12, 2026": a day in running text. */
export function formatDay(day: unknown, locale: Locale): string {
  return formatUtcDay(day, locale, { dateStyle: 'medium' });
}
