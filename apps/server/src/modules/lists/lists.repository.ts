import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ListRow, ListsTable } from './lists.tables.ts';

type Db = Kysely<Database>;

export type { ListRow } from './lists.tables.ts';

/** One entry of a list with what its owner sees even once the Nano is gone from the catalogue. */
export interface ListItemRow {
  nanoId: string;
  title: string;
  addedAt: Date;
  /** Whether the public may find the Nano now (published and indexed). */
  available: boolean;
}

/** One entry of a list with the facts an export prints. */
export interface ExportItemRow extends ListItemRow {
  creator: string;
  durationMinutes: number | null;
  level: number | null;
  license: string | null;
}

export async function countLists(db: Db, ownerId: string): Promise<number> {
  const row = await db
    .selectFrom('lists')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', ownerId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function insertList(db: Db, row: Insertable<ListsTable>): Promise<ListRow> {
  return db.insertInto('lists').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The owner's lists, last changed first; with `containing`, whether each holds that Nano. */
export async function listsOf(
  db: Db,
  ownerId: string,
  containing: string | undefined,
): Promise<Array<ListRow & { contains_nano: boolean | null }>> {
  const rows = await db
    .selectFrom('lists as l')
    .selectAll('l')
    .select(
      containing === undefined
        ? sql<null>`null`.as('contains_nano')
        : sql<boolean>`exists (select 1 from list_items i where i.list_id = l.id and i.nano_id = ${containing})`.as(
            'contains_nano',
          ),
    )
    .where('l.owner_id', '=', ownerId)
    .orderBy('l.updated_at', 'desc')
    .orderBy('l.id', 'desc')
    .execute();
  return rows;
}

/**
 * The owner's list; undefined for another user's list or an unknown id. `lock` holds the row
 * until the transaction ends, so changes of one list's items happen one after the other.
 */
export function findOwnList(db: Db, ownerId: string, id: string, lock = false): Promise<ListRow | undefined> {
  const query = db.selectFrom('lists').selectAll().where('id', '=', id).where('owner_id', '=', ownerId);
  return (lock ? query.forNoKeyUpdate() : query).executeTakeFirst();
}

/** Changes name or description (and the time of the last change). */
export function updateList(
  db: Db,
  id: string,
  patch: { name?: string; description?: string },
  at: Date,
): Promise<ListRow> {
  return db
    .updateTable('lists')
    .set({ ...patch, updated_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes the owner's list with its items; false when the owner has no list with this id. */
export async function deleteList(db: Db, ownerId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('lists')
    .where('id', '=', id)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** The Nano's status; undefined when it does not exist. */
export async function nanoStatus(db: Db, nanoId: string): Promise<string | undefined> {
  const row = await db.selectFrom('nanos').select('status').where('id', '=', nanoId).executeTakeFirst();
  return row?.status;
}

export async function hasItem(db: Db, listId: string, nanoId: string): Promise<boolean> {
  const row = await db
    .selectFrom('list_items')
    .select('nano_id')
    .where('list_id', '=', listId)
    .where('nano_id', '=', nanoId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Appends the Nano after the list's last item. */
export async function appendItem(db: Db, listId: string, nanoId: string, at: Date): Promise<void> {
  await db
    .insertInto('list_items')
    .values({
      list_id: listId,
      nano_id: nanoId,
      position: sql<number>`(select coalesce(max(position), 0) + 1 from list_items where list_id = ${listId})`,
      added_at: at,
    })
    .execute();
}

/** Removes the Nano from the list; false when it was not in it. */
export async function deleteItem(db: Db, listId: string, nanoId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('list_items')
    .where('list_id', '=', listId)
    .where('nano_id', '=', nanoId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Adjusts the stored item count by `delta` and records the change time. */
export function touchList(db: Db, id: string, delta: number, at: Date): Promise<ListRow> {
  return db
    .updateTable('lists')
    .set({ item_count: sql<number>`item_count + ${delta}`, updated_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The Nano ids of the list in their order. */
export async function itemIds(db: Db, listId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('list_items')
    .select('nano_id')
    .where('list_id', '=', listId)
    .orderBy('position', 'asc')
    .orderBy('added_at', 'asc')
    .execute();
  return rows.map((row) => row.nano_id);
}

/** Numbers the items 1, 2, 3 … in the given order (which must be exactly the list's items). */
export async function rewritePositions(db: Db, listId: string, nanoIds: string[]): Promise<void> {
  if (nanoIds.length === 0) {
    return;
  }
  await sql`
    update list_items i set position = o.ord
      from unnest(${sql.val(nanoIds)}::uuid[]) with ordinality as o(nano_id, ord)
     where i.list_id = ${listId} and i.nano_id = o.nano_id`.execute(db);
}

const available = sql<boolean>`exists (select 1 from search_documents d where d.nano_id = i.nano_id)`;

/** Every item of the list in order, with its title and whether the public may find it now. */
export async function listItems(db: Db, listId: string): Promise<ListItemRow[]> {
  const rows = await db
    .selectFrom('list_items as i')
    .innerJoin('nanos as n', 'n.id', 'i.nano_id')
    .select(['i.nano_id', 'n.title', 'i.added_at', available.as('available')])
    .where('i.list_id', '=', listId)
    .orderBy('i.position', 'asc')
    .orderBy('i.added_at', 'asc')
    .execute();
  return rows.map((row) => ({
    nanoId: row.nano_id,
    title: row.title,
    addedAt: row.added_at,
    available: Boolean(row.available),
  }));
}

/** Every item of the list in order, with the facts an export prints. */
export async function exportItems(db: Db, listId: string): Promise<ExportItemRow[]> {
  const rows = await db
    .selectFrom('list_items as i')
    .innerJoin('nanos as n', 'n.id', 'i.nano_id')
    .innerJoin('users as u', 'u.id', 'n.creator_id')
    .select([
      'i.nano_id',
      'n.title',
      'i.added_at',
      'u.display_name',
      'n.duration_minutes',
      'n.level',
      'n.license',
      available.as('available'),
    ])
    .where('i.list_id', '=', listId)
    .orderBy('i.position', 'asc')
    .orderBy('i.added_at', 'asc')
    .execute();
  return rows.map((row) => ({
    nanoId: row.nano_id,
    title: row.title,
    addedAt: row.added_at,
    available: Boolean(row.available),
    creator: row.display_name,
    durationMinutes: row.duration_minutes,
    level: row.level,
    license: row.license,
  }));
}

/** Sets (or, with null, clears) the list's share token; the token is unique over all lists. */
export function setShareToken(db: Db, id: string, token: string | null, at: Date): Promise<ListRow> {
  return db
    .updateTable('lists')
    .set({ share_token: token, shared_at: token === null ? null : at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The list shared under this token with its owner's display name; undefined for unknown or
 * revoked tokens and for lists of deleted accounts.
 */
export function findSharedList(
  db: Db,
  token: string,
): Promise<(ListRow & { owner_display_name: string }) | undefined> {
  return db
    .selectFrom('lists as l')
    .innerJoin('users as u', 'u.id', 'l.owner_id')
    .selectAll('l')
    .select('u.display_name as owner_display_name')
    .where('l.share_token', '=', token)
    .where('u.status', '<>', 'deleted')
    .executeTakeFirst();
}
