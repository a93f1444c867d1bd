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

export function findFlag(db: Db, id: string): Promise<FlagRow | undefined> {
  return db.selectFrom('flags').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A flagged target: its type and id and when it was first flagged (in the group asked for). */
export interface FlagGroupRow {
  target_type: FlagTargetType;
  target_id: string;
  first_at: Date;
  last_resolved_at: Date | null;
}

/**
 * A page of the targets with flags of one status (of one type, or all), and their number. Open:
 * the longest waiting first. Resolved: the most recently resolved first.
 */
export async function flagGroups(
  db: Db,
  filter: { status: 'open' | 'resolved'; targetType?: FlagTargetType | undefined },
  page: { offset: number; limit: number },
): Promise<{ rows: FlagGroupRow[]; total: number }> {
  let base = db.selectFrom('flags').where('status', '=', filter.status);
  if (filter.targetType) {
    base = base.where('target_type', '=', filter.targetType);
  }
  let query = base
    .select([
      'target_type',
      'target_id',
      (eb) => eb.fn.min('created_at').as('first_at'),
      (eb) => eb.fn.max('resolved_at').as('last_resolved_at'),
    ])
    .groupBy(['target_type', 'target_id']);
  query =
    filter.status === 'open'
      ? query.orderBy('first_at', 'asc')
      : query.orderBy('last_resolved_at', 'desc').orderBy('first_at', 'asc');
  const rows = await query.orderBy('target_id', 'asc').offset(page.offset).limit(page.limit).execute();
  const count = await db
    .selectFrom(base.select(['target_type', 'target_id']).groupBy(['target_type', 'target_id']).as('g'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    rows: rows.map((row) => ({
      target_type: row.target_type,
      target_id: row.target_id,
      first_at: new Date(row.first_at as unknown as string | Date),
      last_resolved_at: row.last_resolved_at
        ? new Date(row.last_resolved_at as unknown as string | Date)
        : null,
    })),
    total: Number(count.n),
  };
}

/** The flags of these targets with this status, oldest first. */
export function flagsOfTargets(
  db: Db,
  status: 'open' | 'resolved',
  targets: Array<{ type: FlagTargetType; id: string }>,
): Promise<FlagRow[]> {
  if (targets.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('flags')
    .selectAll()
    .where('status', '=', status)
    .where((eb) =>
      eb.or(targets.map((t) => eb.and([eb('target_type', '=', t.type), eb('target_id', '=', t.id)]))),
    )
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

/** Resolves every open flag of a target and returns them (with their reporters). */
export function resolveOpenFlagsReturning(
  db: Db,
  target: { type: FlagTargetType; id: string },
  resolution: { resolution: string; note: string | null; resolvedBy: string | null; at: Date },
): Promise<FlagRow[]> {
  return db
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
    .returningAll()
    .execute();
}
