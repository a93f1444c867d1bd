/** Calendar days of the analytics: UTC, written `YYYY-MM-DD` as the API and the `date` columns use them. */

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC calendar day of a moment. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** Midnight UTC at the start of `day`. */
export function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The day `count` days after `day` (before it when negative). */
export function addDays(day: string, count: number): string {
  return utcDay(new Date(startOfDay(day).getTime() + count * DAY_MS));
}

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
export function dayCount(from: string, to: string): number {
  return Math.max(0, Math.round((startOfDay(to).getTime() - startOfDay(from).getTime()) / DAY_MS) + 1);
}

/** Every day from `from` to `to`, both included. */
export function eachDay(from: string, to: string): string[] {
  return Array.from({ length: dayCount(from, to) }, (_, index) => addDays(from, index));
}
