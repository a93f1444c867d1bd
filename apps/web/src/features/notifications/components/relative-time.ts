import type { Locale } from '@nano/contracts';
import { formatDateTime } from '../../../shared/nanos/format.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Older than this, a notification shows its date instead of "vor 3 Tagen". */
const RELATIVE_DAYS_MAX = 7;

/** "gerade eben" / "vor 5 Minuten" / "gestern" …, and the date and time for older ones. */
export function formatRelativeTime(iso: string, locale: Locale, now: number = Date.now()): string {
  const elapsed = Math.max(0, now - new Date(iso).getTime());
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (elapsed < MINUTE) {
    return format.format(0, 'second');
  }
  if (elapsed < HOUR) {
    return format.format(-Math.floor(elapsed / MINUTE), 'minute');
  }
  if (elapsed < DAY) {
    return format.format(-Math.floor(elapsed / HOUR), 'hour');
  }
  if (elapsed < RELATIVE_DAYS_MAX * DAY) {
    return format.format(-Math.floor(elapsed / DAY), 'day');
  }
  return formatDateTime(iso, locale);
}
