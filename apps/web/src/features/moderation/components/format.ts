import type { Locale } from '@nano/contracts';
import { formatDateTime } from '../../../shared/nanos/format.ts';

/** "14:30" for a time today, else date and time ("12.05.2026, 14:30"): when a claim or a deadline ends. */
export function formatUntil(iso: string, locale: Locale, now: Date = new Date()): string {
  const date = new Date(iso);
  if (date.toDateString() === now.toDateString()) {
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date);
  }
  return formatDateTime(iso, locale);
}

/** A value of a metadata diff as text: lists joined, booleans and empties spelled out by the caller. */
export function metadataValueText(value: unknown, words: { empty: string; yes: string; no: string }): string {
  if (value === null || value === undefined || value === '') {
    return words.empty;
  }
  if (typeof value === 'boolean') {
    return value ? words.yes : words.no;
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? words.empty : value.map((item) => metadataValueText(item, words)).join(', ');
  }
  if (typeof value === 'object') {
    return JSON.stringify(value);
  }
  return String(value);
}
