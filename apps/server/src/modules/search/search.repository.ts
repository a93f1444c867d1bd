import { type Kysely, sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';

type Db = Kysely<Database>;

/**
 * The generation of the index: it changes whenever what is findable changes (publication, archive,
 * edit, takedown), so cached answers of an older generation are never served again.
 */
export async function currentGeneration(db: Db): Promise<string> {
  const result = await sql<{ generation: string | number }>`
    select case when is_called then last_value else 0 end as generation from search_generation
  `.execute(db);
  return String(result.rows[0]?.generation ?? 0);
}

/** Makes every cached answer stale, for changes the catalog triggers do not see (the featured block). */
export async function bumpGeneration(db: Db): Promise<void> {
  await sql`select nextval('search_generation')`.execute(db);
}

/** One anonymous query-log entry (no user id by design). */
export async function insertQuery(
  db: Db,
  entry: { queryNorm: string; filters: unknown; resultCount: number; at: Date },
): Promise<void> {
  await db
    .insertInto('search_queries')
    .values({
      id: uuidv7(),
      query_norm: entry.queryNorm,
      filters: JSON.stringify(entry.filters),
      result_count: entry.resultCount,
      created_at: entry.at,
    })
    .execute();
}

export async function insertClick(
  db: Db,
  click: { queryNorm: string; nanoId: string; position: number; at: Date },
): Promise<void> {
  await db
    .insertInto('search_clicks')
    .values({
      id: uuidv7(),
      query_norm: click.queryNorm,
      nano_id: click.nanoId,
      position: click.position,
      created_at: click.at,
    })
    .execute();
}

/** The Nanos the admins picked for the home page, in their order. */
export async function featuredIds(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('featured_nanos')
    .select('nano_id')
    .orderBy('position')
    .orderBy('created_at')
    .execute();
  return rows.map((row) => row.nano_id);
}
