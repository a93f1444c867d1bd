import type { Kysely } from 'kysely';
import type { CategoryRow, Database } from '../../db/database.ts';

/** Every category, parents and children alike, in display order. */
export function listCategories(db: Kysely<Database>): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().orderBy('position').orderBy('name_de').execute();
}

/** Which of `ids` exist as categories. */
export async function findExistingCategoryIds(db: Kysely<Database>, ids: string[]): Promise<string[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db.selectFrom('categories').select('id').where('id', 'in', ids).execute();
  return rows.map((row) => row.id);
}
