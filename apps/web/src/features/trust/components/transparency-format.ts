import type { Locale, ModerationAction, TransparencyReport } from '@nano/contracts';

/** The first year the report can be asked for (the contract's lower bound). */
export const FIRST_REPORT_YEAR = 2020;
/** How many years back the year picker offers. */
export const REPORT_YEARS_SHOWN = 6;

/** `?jahr=` as a year the report exists for, else the current year. */
export function reportYearFrom(value: string | null, currentYear: number): number {
  const year = Number(value);
  return Number.isInteger(year) && year >= FIRST_REPORT_YEAR && year <= currentYear ? year : currentYear;
}

/** The years of the picker, newest first. */
export function reportYears(currentYear: number): number[] {
  const first = Math.max(FIRST_REPORT_YEAR, currentYear - REPORT_YEARS_SHOWN + 1);
  return Array.from({ length: currentYear - first + 1 }, (_, index) => currentYear - index);
}

/** "3,5 Std." / "3.5 hr": a median in hours, or a dash without any case. */
export function formatHours(hours: number | null, locale: Locale): string {
  if (hours === null) {
    return '–';
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'hour',
    unitDisplay: 'short',
    maximumFractionDigits: hours < 10 ? 1 : 0,
  }).format(hours);
}

/** Decisions per action over all sources: how many, and how many of them by automated means. */
export function actionTotals(
  report: TransparencyReport,
): { action: ModerationAction; count: number; automated: number }[] {
  const totals = new Map<ModerationAction, { count: number; automated: number }>();
  for (const row of report.actions) {
    const total = totals.get(row.action) ?? { count: 0, automated: 0 };
    totals.set(row.action, { count: total.count + row.count, automated: total.automated + row.automated });
  }
  return [...totals.entries()]
    .map(([action, total]) => ({ action, ...total }))
    .sort((a, b) => b.count - a.count);
}

/** Whether the year has no figures at all (nothing to show but the explanation). */
export function isEmptyReport(report: TransparencyReport): boolean {
  return (
    report.notices.every((row) => row.count === 0) &&
    report.actions.every((row) => row.count === 0) &&
    report.appeals.received === 0
  );
}
