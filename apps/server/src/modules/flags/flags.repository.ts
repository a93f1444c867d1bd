import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { FlagRow, FlagsTable, FlagTargetType } from './flags.tables.ts';

type Db = Kysely<Database>;

/**
 * Stores a new open flag; undefined when the reporter already has an open flag on this target
 * (the partial unique index decides, so two requests at once store one).
 */
export function insertOpenFlag(db: Db, row: Insertable<FlagsTable>): Promise<FlagRow | undefined> {
  return db
    .insertInto('flags')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['reporter_id', 'target_type', 'target_id']).where('status', '=', 'open').doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
}

/** The open flags of these targets, oldest first. */
export function openFlagsOf(db: Db, targetType: FlagTargetType, targetIds: string[]): Promise<FlagRow[]> {
  if (targetIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('flags')
    .selectAll()
    .where('status', '=', 'open')
    .where('target_type', '=', targetType)
    .where('target_id', 'in', targetIds)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

/** A page of the targets of one type with open flags, the longest waiting first, and their number. */
export async function openTargets(
  db: Db,
  targetType: FlagTargetType,
  offset: number,
  limit: number,
): Promise<{ ids: string[]; total: number }> {
  const rows = await db
    .selectFrom('flags')
    .select(['target_id', (eb) => eb.fn.min('created_at').as('first_at')])
    .where('status', '=', 'open')
    .where('target_type', '=', targetType)
    .groupBy('target_id')
    .orderBy('first_at', 'asc')
    .orderBy('target_id', 'asc')
    .offset(offset)
    .limit(limit)
    .execute();
  const count = await db
    .selectFrom('flags')
    .select((eb) => eb.fn.count<number>('target_id').distinct().as('n'))
    .where('status', '=', 'open')
    .where('target_type', '=', targetType)
    .executeTakeFirstOrThrow();
  return { ids: rows.map((row) => row.target_id), total: Number(count.n) };
}

/** Resolves every open flag of a target; returns how many there were. */
export async function resolveOpenFlags(
  db: Db,
  target: { type: FlagTargetType; id: string },
  resolution: { resolution: string; note: string | null; resolvedBy: string | null; at: Date },
): Promise<number> {
  const rows = await db
    .updateTable('flags')
    .set({
      status: 'resolved',
      resolution: resolution.resolution,
      resolution_note: resolution.note,
      resolved_by: resolution.resolvedBy,
      resolved_at: resolution.at,
    })
    .where('status', '=', 'open')
    .where('target_type', '=', target.type)
    .where('target_id', '=', target.id)
    .returning('id')
    .execute();
  return rows.length;
}
