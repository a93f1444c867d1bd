import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { AppealRow, ModerationAppealsTable } from './moderation.tables.ts';

type Db = Kysely<Database>;

/** Stores an appeal; undefined when the decision has one already (the unique index decides). */
export function insertAppeal(
  db: Db,
  row: Insertable<ModerationAppealsTable>,
): Promise<AppealRow | undefined> {
  return db
    .insertInto('moderation_appeals')
    .values(row)
    .onConflict((oc) => oc.column('decision_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function findAppeal(db: Db, id: string): Promise<AppealRow | undefined> {
  return db.selectFrom('moderation_appeals').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The appeal with its row locked until the transaction ends (one decision on it). */
export function lockAppeal(db: Db, id: string): Promise<AppealRow | undefined> {
  return db.selectFrom('moderation_appeals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateAppeal(
  db: Db,
  id: string,
  patch: Updateable<ModerationAppealsTable>,
): Promise<AppealRow> {
  return db
    .updateTable('moderation_appeals')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A page of open appeals (the longest waiting first) or decided ones (the latest first), and their number. */
export async function listAppeals(
  db: Db,
  status: 'open' | 'decided',
  page: { offset: number; limit: number },
): Promise<{ rows: AppealRow[]; total: number }> {
  const base = db.selectFrom('moderation_appeals').where('status', status === 'open' ? '=' : '!=', 'open');
  const ordered =
    status === 'open'
      ? base.selectAll().orderBy('created_at', 'asc').orderBy('id', 'asc')
      : base.selectAll().orderBy('decided_at', 'desc').orderBy('id', 'desc');
  const rows = await ordered.offset(page.offset).limit(page.limit).execute();
  const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}
