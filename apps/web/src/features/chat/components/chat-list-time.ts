import type { Locale } from '@nano/contracts';
import type { TFunction } from 'i18next';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Up to a week back, the inbox names the weekday; older conversations show their date. */
const WEEKDAY_DAYS_MAX = 6;

function startOfDay(time: number): number {
  const day = new Date(time);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/**
 * When a conversation last moved, as chat inboxes say it: "gerade eben", "vor 5 Minuten", the time
 * today, "Gestern", the weekday within a week, else the date.
 */
export function formatChatListTime(
  iso: string,
  locale: Locale,
  t: TFunction,
  now: number = Date.now(),
): string {
  const time = new Date(iso).getTime();
  const elapsed = Math.max(0, now - time);
  if (elapsed < MINUTE) {
    return t('chat.inbox.justNow');
  }
  if (elapsed < HOUR) {
    return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(
      -Math.floor(elapsed / MINUTE),
      'minute',
    );
  }
  const days = Math.round((startOfDay(now) - startOfDay(time)) / (24 * HOUR));
  if (days === 0) {
    return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(time);
  }
  if (days === 1) {
    return t('chat.inbox.yesterday');
  }
  if (days <= WEEKDAY_DAYS_MAX) {
    return new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(time);
  }
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(time);
}
