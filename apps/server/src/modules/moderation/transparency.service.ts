import { FLAG_REASONS, type TransparencyReport } from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import {
  flagCountsByReason,
  flagCountsByTargetType,
  medianHoursToResolve,
  type Period,
} from '../flags/flags.stats.ts';
import * as repo from './transparency.repository.ts';

/** One decimal is precision enough for hours in a public report. */
function rounded(hours: number | null): number | null {
  return hours === null ? null : Math.round(hours * 10) / 10;
}

/** The calendar year `year` (UTC) as a half-open period. */
export function yearPeriod(year: number): Period {
  return { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Date.UTC(year + 1, 0, 1)) };
}

/**
 * The public transparency report of one calendar year (EU DSA Art. 15/24): notices received
 * (confirmed takedown notices by their confirmation, flags by target type and reason, by arrival),
 * decisions taken by action and source with the automated ones, the median hours to a decision
 * (reviews: submission → review decision; flags: flag → resolution; takedowns: confirmation →
 * decision or expiry; each over the decisions of the year) and appeals received with their outcome.
 * No personal data: counts only.
 */
export async function transparencyReport(
  db: Kysely<Database>,
  year: number,
  now: Date,
): Promise<TransparencyReport> {
  const period = yearPeriod(year);
  const takedowns = await repo.countConfirmedTakedowns(db, period);
  const flagTypes = new Map(
    (await flagCountsByTargetType(db, period)).map((row) => [row.targetType, row.count]),
  );
  const reasons = new Map((await flagCountsByReason(db, period)).map((row) => [row.reason, row.count]));
  const actions = await repo.decisionCounts(db, period);
  const reviews = await repo.medianReviewHours(db, period);
  const flags = await medianHoursToResolve(db, period);
  const takedownHours = await repo.medianTakedownHours(db, period);
  const appeals = await repo.appealCounts(db, period);
  return {
    year,
    generatedAt: now.toISOString(),
    notices: [
      { type: 'takedown', count: takedowns },
      { type: 'flag_nano', count: flagTypes.get('nano') ?? 0 },
      { type: 'flag_rating', count: flagTypes.get('rating') ?? 0 },
      { type: 'flag_message', count: flagTypes.get('message') ?? 0 },
      { type: 'flag_user', count: flagTypes.get('user') ?? 0 },
    ],
    flagsByReason: FLAG_REASONS.map((reason) => ({ reason, count: reasons.get(reason) ?? 0 })),
    actions,
    medianHoursToDecision: {
      reviews: rounded(reviews),
      flags: rounded(flags),
      takedowns: rounded(takedownHours),
    },
    appeals: {
      received: appeals.open + appeals.upheld + appeals.reversed,
      upheld: appeals.upheld,
      reversed: appeals.reversed,
      open: appeals.open,
    },
  };
}
