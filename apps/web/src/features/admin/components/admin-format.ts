import type { Locale } from '@nano/contracts';

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a text is a calendar day `YYYY-MM-DD` that exists. */
export function isDay(value: string | null | undefined): value is string {
  if (!value || !DAY_PATTERN.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** Today as a UTC day `YYYY-MM-DD` (the server counts UTC days). */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The UTC day `days` before (negative: after) a day. */
export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included. */
export function daySpan(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/**
 * Formats a `YYYY-MM-DD` day as its UTC date, whatever the browser's zone. Anything else gives
 * an empty string: a chart also asks for labels of nothing, e.g. its tooltip before the pointer
 * is on a day.
 */
function formatUtcDay(day: unknown, locale: Locale, options: Intl.DateTimeFormatOptions): string {
  if (typeof day !== 'string' || !isDay(day)) {
    return '';
  }
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** "12. Mai" / "May 12": a day on a chart's axis. */
export function formatAxisDay(day: unknown, locale: Locale): string {
  return formatUtcDay(day, locale, { day: 'numeric', month: 'short' });
}

/** "12.05.2026" / "May 12, 2026": a day in text and tables. */
export function formatDay(day: unknown, locale: Locale): string {
  return formatUtcDay(day, locale, { dateStyle: 'medium' });
}

/** A share 0..1 as a percentage ("97,5 %"). */
export function formatPercent(share: number, locale: Locale, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits }).format(share);
}

/** A 1-based page number from the address, 1 when missing or nonsense. */
export function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/**
 * The end of a local calendar day as an ISO instant: "suspended until 12 May" lasts through
 * that day where the admin is.
 */
export function endOfLocalDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(year ?? 0, (month ?? 1) - 1, date ?? 1, 23, 59, 59).toISOString();
}

/** Today as a local calendar day `YYYY-MM-DD` (for date inputs). */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
