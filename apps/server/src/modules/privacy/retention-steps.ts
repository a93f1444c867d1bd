import type { RetentionJob } from '@nano/contracts';
import type { PrivacyDeps } from './privacy.deps.ts';

/** What every retention step gets: the deps, the run's time and whether it only counts. */
export interface RetentionContext {
  deps: PrivacyDeps;
  now: Date;
  dryRun: boolean;
}

/** What one step did (or, in a dry run, would do). */
export interface RetentionOutcome {
  /** Rows or accounts affected; 0 means the step is not audited. */
  affected: number;
  /** Counts for the report (and the audit event). */
  details: Record<string, number>;
  /** Extra facts for the step's audit event only (ids, the audit anchor), never personal data. */
  auditDetails?: Record<string, unknown>;
}

/** One retention step. Each is idempotent: a second run right after the first affects nothing. */
export type RetentionStep = (context: RetentionContext) => Promise<RetentionOutcome>;

/** Ids kept in one audit event at most (the count is always complete). */
export const RETENTION_AUDIT_IDS_MAX = 100;

/** Steps of a run, by job name. */
export type RetentionSteps = Record<RetentionJob, RetentionStep>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** `now` minus whole calendar years (UTC). */
export function yearsBefore(now: Date, years: number): Date {
  const date = new Date(now);
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date;
}

/** `now` minus whole calendar months (UTC). */
export function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

/** `now` minus days. */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** `now` plus days. */
export function daysAfter(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}
