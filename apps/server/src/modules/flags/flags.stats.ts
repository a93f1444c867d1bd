import type { FlagReason } from '@nano/contracts';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { FlagTargetType } from './flags.tables.ts';

type Db = Kysely<Database>;

/** A half-open period `[from, to)`. */
export interface Period {
  from: Date;
  to: Date;
}

/**
 * Read-only aggregates over flags for the moderation module's transparency report and workspace
 * overview (the flags module owns the table; these are its exported views of it).
 */

/** Flags received in the period, by target type. */
export async function flagCountsByTargetType(
  db: Db,
  period: Period,
): Promise<Array<{ targetType: FlagTargetType; count: number }>> {
  const rows = await db
    .selectFrom('flags')
    .select(['target_type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('created_at', '>=', period.from)
    .where('created_at', '<', period.to)
    .groupBy('target_type')
    .execute();
  return rows.map((row) => ({ targetType: row.target_type, count: Number(row.n) }));
}

/** Flags received in the period, by reason. */
export async function flagCountsByReason(
  db: Db,
  period: Period,
): Promise<Array<{ reason: FlagReason; count: number }>> {
  const rows = await db
    .selectFrom('flags')
    .select(['reason', (eb) => eb.fn.countAll<number>().as('n')])
    .where('created_at', '>=', period.from)
    .where('created_at', '<', period.to)
    .groupBy('reason')
    .execute();
  return rows.map((row) => ({ reason: row.reason, count: Number(row.n) }));
}

/** The median hours from a flag to its resolution, over flags resolved in the period; null without any. */
export async function medianHoursToResolve(db: Db, period: Period): Promise<number | null> {
  const row = await db
    .selectFrom('flags')
    .select(
      sql<
        number | string | null
      >`percentile_cont(0.5) within group (order by extract(epoch from (resolved_at - created_at)))`.as(
        'seconds',
      ),
    )
    .where('status', '=', 'resolved')
    .where('resolved_at', '>=', period.from)
    .where('resolved_at', '<', period.to)
    .executeTakeFirst();
  return row?.seconds === null || row?.seconds === undefined ? null : Number(row.seconds) / 3600;
}

/** The flagged targets waiting for the moderators: how many, and since when the oldest open flag waits. */
export async function openFlagTargetsSummary(db: Db): Promise<{ count: number; oldest: Date | null }> {
  const row = await db
    .selectFrom('flags')
    .select([
      sql<number>`count(distinct (target_type, target_id))`.as('n'),
      (eb) => eb.fn.min('created_at').as('oldest'),
    ])
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), oldest: row.oldest ? new Date(row.oldest as Date | string) : null };
}
