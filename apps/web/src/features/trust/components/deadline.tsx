import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';

const MINUTE = 60_000;

/** The current time, updated every minute while mounted (for countdowns). */
export function useNow(intervalMs = MINUTE): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Whole hours and remaining minutes until `due` (never negative). */
export function timeLeft(due: string, now: number): { hours: number; minutes: number; over: boolean } {
  const ms = new Date(due).getTime() - now;
  if (ms <= 0) {
    return { hours: 0, minutes: 0, over: true };
  }
  const minutes = Math.ceil(ms / MINUTE);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60, over: false };
}

/**
 * A deadline as date and time plus what is left ("noch 23 Std. 5 Min."), red once less than
 * 12 hours remain and "abgelaufen" after. Not a live region: it changes every minute.
 */
export function Deadline({ due }: { due: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow();
  const left = timeLeft(due, now);
  const urgent = !left.over && left.hours < 12;
  return (
    <span>
      <time dateTime={due}>{formatDateTime(due, locale)}</time>{' '}
      <Text span size="sm" fw={600} c={left.over || urgent ? 'red.9' : undefined}>
        ({left.over ? t('trust.deadline.over') : t('trust.deadline.left', left)})
      </Text>
    </span>
  );
}
