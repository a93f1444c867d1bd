/** The periods the dashboard offers, by their value in the address (`?zeitraum=`). */
export const ANALYTICS_RANGES = ['7', '30', '90', '365'] as const;
export type AnalyticsRange = (typeof ANALYTICS_RANGES)[number];
export const DEFAULT_ANALYTICS_RANGE: AnalyticsRange = '30';

const DAY_MS = 24 * 60 * 60 * 1000;

export function isAnalyticsRange(value: string | null): value is AnalyticsRange {
  return (ANALYTICS_RANGES as readonly string[]).includes(value ?? '');
}

/** The UTC days of a period ending today, both included, as the server counts days. */
export function rangeDays(range: AnalyticsRange, now = new Date()): { from: string; to: string } {
  const days = Number(range);
  return {
    from: new Date(now.getTime() - (days - 1) * DAY_MS).toISOString().slice(0, 10),
    to: now.toISOString().slice(0, 10),
  };
}
