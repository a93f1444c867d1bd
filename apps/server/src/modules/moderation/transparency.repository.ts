import type { DECISION_SOURCES, ModerationAction } from '@nano/contracts';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Period } from '../flags/flags.stats.ts';
import { DECIDED_TAKEDOWN_STATUSES } from './takedowns.repository.ts';

type Db = Kysely<Database>;

/** Seconds (percentile_cont answers a double, which `pg` hands over as a string) to hours, or null. */
function hoursOf(seconds: number | string | null | undefined): number | null {
  return seconds === null || seconds === undefined ? null : Number(seconds) / 3600;
}

/** Confirmed takedown notices received in the period (unconfirmed ones never became notices). */
export async function countConfirmedTakedowns(db: Db, period: Period): Promise<number> {
  const row = await db
    .selectFrom('takedown_notices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('confirmed_at', '>=', period.from)
    .where('confirmed_at', '<', period.to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Decisions taken in the period by action and source, with how many of them automated means took. */
export async function decisionCounts(
  db: Db,
  period: Period,
): Promise<
  Array<{
    action: ModerationAction;
    source: (typeof DECISION_SOURCES)[number];
    count: number;
    automated: number;
  }>
> {
  const rows = await db
    .selectFrom('moderation_decisions')
    .select([
      'action',
      'source',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`count(*) filter (where automated)`.as('automated'),
    ])
    .where('created_at', '>=', period.from)
    .where('created_at', '<', period.to)
    .groupBy(['action', 'source'])
    .orderBy('action')
    .orderBy('source')
    .execute();
  return rows.map((row) => ({
    action: row.action,
    source: row.source,
    count: Number(row.n),
    automated: Number(row.automated),
  }));
}

/**
 * The median hours from submission to a reviewer's decision, over review decisions taken in the
 * period. Read-only join over the catalog's `nano_reviews` and `nano_versions` (documented
 * exception to the module boundary): a `nano_reviews` row is a human decision on a submitted
 * version, so a trusted creator's update published at once (no review) does not pull it to 0.
 */
export async function medianReviewHours(db: Db, period: Period): Promise<number | null> {
  const row = await db
    .selectFrom('nano_reviews')
    .innerJoin('nano_versions', 'nano_versions.id', 'nano_reviews.version_id')
    .select(
      sql<
        number | string | null
      >`percentile_cont(0.5) within group (order by extract(epoch from (nano_reviews.created_at - nano_versions.submitted_at)))`.as(
        'seconds',
      ),
    )
    .where('nano_versions.submitted_at', 'is not', null)
    .where('nano_reviews.created_at', '>=', period.from)
    .where('nano_reviews.created_at', '<', period.to)
    .executeTakeFirst();
  return hoursOf(row?.seconds);
}

/** The median hours from a notice's confirmation to its end (decision or expiry), over notices ended in the period. */
export async function medianTakedownHours(db: Db, period: Period): Promise<number | null> {
  const row = await db
    .selectFrom('takedown_notices')
    .select(
      sql<
        number | string | null
      >`percentile_cont(0.5) within group (order by extract(epoch from (decided_at - confirmed_at)))`.as(
        'seconds',
      ),
    )
    .where('status', 'in', DECIDED_TAKEDOWN_STATUSES)
    .where('confirmed_at', 'is not', null)
    .where('decided_at', '>=', period.from)
    .where('decided_at', '<', period.to)
    .executeTakeFirst();
  return hoursOf(row?.seconds);
}

/** Appeals received in the period by their current status. */
export async function appealCounts(
  db: Db,
  period: Period,
): Promise<Record<'open' | 'upheld' | 'reversed', number>> {
  const rows = await db
    .selectFrom('moderation_appeals')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('created_at', '>=', period.from)
    .where('created_at', '<', period.to)
    .groupBy('status')
    .execute();
  const counts = { open: 0, upheld: 0, reversed: 0 };
  for (const row of rows) {
    counts[row.status] = Number(row.n);
  }
  return counts;
}
