import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { SavedSearchesTable } from './search.tables.ts';

type Db = Kysely<Database>;
export type SavedSearchRow = Selectable<SavedSearchesTable>;

/** The user's saved searches, oldest first. */
export function listSavedSearches(db: Db, userId: string): Promise<SavedSearchRow[]> {
  return db
    .selectFrom('saved_searches')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

export async function countSavedSearches(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('saved_searches')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertSavedSearch(db: Db, row: Insertable<SavedSearchesTable>): Promise<SavedSearchRow> {
  return db.insertInto('saved_searches').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Changes one of the user's saved searches; undefined when the user has no search with this id. */
export async function updateSavedSearch(
  db: Db,
  userId: string,
  id: string,
  patch: { name?: string; alert?: boolean },
): Promise<SavedSearchRow | undefined> {
  if (patch.name === undefined && patch.alert === undefined) {
    return db
      .selectFrom('saved_searches')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }
  return db
    .updateTable('saved_searches')
    .set({
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.alert === undefined ? {} : { alert: patch.alert }),
    })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes one of the user's saved searches; false when the user has no search with this id. */
export async function deleteSavedSearch(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('saved_searches')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Turns off the alerts of all the user's saved searches and returns how many were on. */
export async function disableAlerts(db: Db, userId: string): Promise<number> {
  const result = await db
    .updateTable('saved_searches')
    .set({ alert: false })
    .where('user_id', '=', userId)
    .where('alert', '=', true)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The next `limit` users (by id, after `afterUserId`) with at least one alert on. */
export async function usersWithAlerts(db: Db, afterUserId: string | null, limit: number): Promise<string[]> {
  let query = db.selectFrom('saved_searches').select('user_id').distinct().where('alert', '=', true);
  if (afterUserId !== null) {
    query = query.where('user_id', '>', afterUserId);
  }
  const rows = await query.orderBy('user_id', 'asc').limit(limit).execute();
  return rows.map((row) => row.user_id);
}

/** The saved searches with alert on of the given users, oldest first. */
export function alertSearchesOf(db: Db, userIds: string[]): Promise<SavedSearchRow[]> {
  if (userIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('saved_searches')
    .selectAll()
    .where('user_id', 'in', userIds)
    .where('alert', '=', true)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

/** Records that Nanos published up to `until` have been announced for these searches. */
export async function markAlerted(db: Db, ids: string[], until: Date): Promise<void> {
  if (ids.length === 0) {
    return;
  }
  await db.updateTable('saved_searches').set({ alerted_until: until }).where('id', 'in', ids).execute();
}
