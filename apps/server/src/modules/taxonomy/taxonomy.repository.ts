import type { Kysely } from 'kysely';
import type { CategoryRow, Database } from '../../db/database.ts';

/** Every category, parents and children alike, in display order. */
export function listCategories(db: Kysely<Database>): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().orderBy('position').orderBy('name_de').execute();
}
