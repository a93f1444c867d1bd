import { type Kysely, sql, type Transaction } from 'kysely';
import type { CategoryRow, CategoryUpdate, Database, NewCategoryRow } from '../../db/database.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Every category, parents and children alike, active or not, in display order. */
export function listCategories(db: Db): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().orderBy('position').orderBy('name_de').execute();
}

/** Which of `ids` exist as categories. */
export async function findExistingCategoryIds(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db.selectFrom('categories').select('id').where('id', 'in', ids).execute();
  return rows.map((row) => row.id);
}

/**
 * Which of `ids` are not offered: deactivated, or under a deactivated parent (unknown ids are
 * left to {@link findExistingCategoryIds}).
 */
export async function findInactiveCategoryIds(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('categories as c')
    .leftJoin('categories as p', 'p.id', 'c.parent_id')
    .select('c.id')
    .where('c.id', 'in', ids)
    .where((eb) => eb.or([eb('c.active', '=', false), eb('p.active', '=', false)]))
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Every category, locked until the transaction ends, in display order: edits of the (small)
 * tree run one at a time, so positions are renumbered from a stable state.
 */
export function lockCategories(trx: Transaction<Database>): Promise<CategoryRow[]> {
  return trx
    .selectFrom('categories')
    .selectAll()
    .orderBy('position')
    .orderBy('name_de')
    .forUpdate()
    .execute();
}

export async function insertCategory(trx: Transaction<Database>, row: NewCategoryRow): Promise<void> {
  await trx.insertInto('categories').values(row).execute();
}

export async function updateCategory(
  trx: Transaction<Database>,
  id: string,
  patch: CategoryUpdate,
): Promise<void> {
  await trx.updateTable('categories').set(patch).where('id', '=', id).execute();
}

/** Sets the positions of `ids` to 0, 1, 2, … in the given order (only rows whose position changes). */
export async function renumber(
  trx: Transaction<Database>,
  ids: string[],
  current: Map<string, number>,
  now: Date,
): Promise<void> {
  for (const [position, id] of ids.entries()) {
    if (current.get(id) !== position) {
      await trx.updateTable('categories').set({ position, updated_at: now }).where('id', '=', id).execute();
    }
  }
}

/**
 * Nanos (any status but deleted) filed directly under each category. A documented read-only query
 * of the catalog's `nano_categories` and `nanos` tables, for the taxonomy editor's counts.
 */
export async function countNanosPerCategory(db: Db): Promise<Map<string, number>> {
  const rows = await sql<{ category_id: string; count: number | string }>`
    select nc.category_id, count(*) as count
      from nano_categories nc join nanos n on n.id = nc.nano_id
     where n.status <> 'deleted'
     group by nc.category_id`.execute(db);
  return new Map(rows.rows.map((row) => [row.category_id, Number(row.count)]));
}
