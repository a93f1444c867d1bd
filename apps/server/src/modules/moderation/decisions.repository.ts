import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DecisionRow, ModerationDecisionsTable } from './moderation.tables.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A decision with the state of the appeal against it (null without one). */
export interface DecisionWithAppeal extends DecisionRow {
  appeal_id: string | null;
  appeal_status: 'open' | 'upheld' | 'reversed' | null;
  appeal_created_at: Date | null;
}

function withAppeal(db: Db) {
  return db
    .selectFrom('moderation_decisions as d')
    .leftJoin('moderation_appeals as a', 'a.decision_id', 'd.id')
    .selectAll('d')
    .select(['a.id as appeal_id', 'a.status as appeal_status', 'a.created_at as appeal_created_at']);
}

export function insertDecision(db: Db, row: Insertable<ModerationDecisionsTable>): Promise<DecisionRow> {
  return db.insertInto('moderation_decisions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function decisionById(db: Db, id: string): Promise<DecisionWithAppeal | undefined> {
  return withAppeal(db).where('d.id', '=', id).executeTakeFirst();
}

/** Locks a decision row for the rest of the transaction (an appeal reverses it once). */
export function lockDecision(db: Db, id: string): Promise<DecisionRow | undefined> {
  return db
    .selectFrom('moderation_decisions')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** A page of the decisions affecting a user, newest first, and how many there are. */
export async function decisionsOfUser(
  db: Db,
  userId: string,
  page: { offset: number; limit: number },
): Promise<{ rows: DecisionWithAppeal[]; total: number }> {
  const rows = await withAppeal(db)
    .where('d.affected_user_id', '=', userId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const count = await db
    .selectFrom('moderation_decisions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('affected_user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/** The newest decisions about one target, newest first. */
export function decisionsOfTarget(
  db: Db,
  target: { type: DecisionRow['target_type']; id: string },
  limit: number,
): Promise<DecisionWithAppeal[]> {
  return withAppeal(db)
    .where('d.target_type', '=', target.type)
    .where('d.target_id', '=', target.id)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
}

/** The newest decisions affecting one user, newest first. */
export function recentDecisionsOfUser(db: Db, userId: string, limit: number): Promise<DecisionWithAppeal[]> {
  return withAppeal(db)
    .where('d.affected_user_id', '=', userId)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit)
    .execute();
}

export function markReversed(db: Db, id: string, at: Date): Promise<unknown> {
  return db.updateTable('moderation_decisions').set({ reversed_at: at }).where('id', '=', id).execute();
}

/**
 * Decisions on flags that took action (anything but `none`) against a user since `since` and were
 * not reversed: what costs a trusted creator their trust (MODERATION_LIMITS.trustLossUpheldFlags).
 * Flags on any of their content count (Nanos, comments, messages) and on the account itself.
 */
export async function countUpheldFlagDecisions(db: Db, userId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('moderation_decisions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('affected_user_id', '=', userId)
    .where('source', '=', 'flag')
    .where('action', '!=', 'none')
    .where('reversed_at', 'is', null)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** These decisions (with their appeals), by id. */
export async function decisionsByIds(db: Db, ids: string[]): Promise<Map<string, DecisionWithAppeal>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await withAppeal(db)
    .where('d.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}
