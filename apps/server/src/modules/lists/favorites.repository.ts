import type { FAVORITE_SORTS } from '@nano/contracts';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.ts';

type Db = Kysely<Database>;
export type FavoriteSort = (typeof FAVORITE_SORTS)[number];

export interface FavoriteFilters {
  /** Words that must all occur in the title (accents and case ignored). */
  words: string[];
  level?: number | undefined;
  language?: string | undefined;
  format?: string | undefined;
}

/** A Nano's status and favourite count; undefined when it does not exist. */
export function findNano(
  db: Db,
  nanoId: string,
): Promise<{ status: string; favorite_count: number } | undefined> {
  return db
    .selectFrom('nanos')
    .select(['status', 'favorite_count'])
    .where('id', '=', nanoId)
    .executeTakeFirst();
}

/** Adds the favourite; false when the user had it already (then nothing changes). */
export async function insertFavorite(db: Db, userId: string, nanoId: string, at: Date): Promise<boolean> {
  const row = await db
    .insertInto('favorites')
    .values({ user_id: userId, nano_id: nanoId, created_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'nano_id']).doNothing())
    .returning('nano_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Removes the favourite; false when the user did not have it. */
export async function deleteFavorite(db: Db, userId: string, nanoId: string): Promise<boolean> {
  const row = await db
    .deleteFrom('favorites')
    .where('user_id', '=', userId)
    .where('nano_id', '=', nanoId)
    .returning('nano_id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Changes the Nano's favourite count by one and returns the new count. The update reads the
 * committed value under the row lock, so concurrent changes never overwrite each other; the
 * count never drops below zero.
 */
export async function changeFavoriteCount(db: Db, nanoId: string, delta: 1 | -1): Promise<number> {
  const row = await db
    .updateTable('nanos')
    .set({ favorite_count: sql<number>`greatest(favorite_count + ${delta}, 0)` })
    .where('id', '=', nanoId)
    .returning('favorite_count')
    .executeTakeFirstOrThrow();
  return row.favorite_count;
}

/** Every Nano the user favourited (any status), newest first. */
export async function favoriteIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('favorites')
    .select('nano_id')
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('nano_id', 'desc')
    .execute();
  return rows.map((row) => row.nano_id);
}

/** LIKE pattern characters taken literally. */
function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * One page of the user's favourites that the public may find now (published and indexed),
 * filtered and sorted, with the total over all pages.
 */
export async function findFavorites(
  db: Db,
  userId: string,
  filters: FavoriteFilters,
  sort: FavoriteSort,
  paging: { offset: number; limit: number },
): Promise<{ rows: Array<{ nanoId: string; addedAt: Date }>; total: number }> {
  let base = db
    .selectFrom('favorites as f')
    .innerJoin('search_documents as d', 'd.nano_id', 'f.nano_id')
    .innerJoin('search_texts as t', 't.nano_id', 'f.nano_id')
    .where('f.user_id', '=', userId);
  for (const word of filters.words) {
    base = base.where(sql<boolean>`t.title_norm like '%' || search_fold(${escapeLike(word)}) || '%'`);
  }
  if (filters.level !== undefined) {
    base = base.where('d.level', '=', filters.level);
  }
  if (filters.language !== undefined) {
    base = base.where('d.language', '=', filters.language);
  }
  if (filters.format !== undefined) {
    base = base.where('d.format', '=', filters.format);
  }
  const counted = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let query = base.select(['f.nano_id', 'f.created_at']);
  switch (sort) {
    case 'added':
      query = query.orderBy('f.created_at', 'desc');
      break;
    case 'title':
      query = query.orderBy('t.title_norm', 'asc');
      break;
    case 'rating':
      query = query.orderBy('d.rating_score', 'desc').orderBy('d.rating_count', 'desc');
      break;
    case 'duration':
      query = query.orderBy('d.duration_minutes', 'asc').orderBy('t.title_norm', 'asc');
      break;
  }
  const rows = await query.orderBy('f.nano_id', 'desc').offset(paging.offset).limit(paging.limit).execute();
  return {
    rows: rows.map((row) => ({ nanoId: row.nano_id, addedAt: row.created_at })),
    total: Number(counted.n),
  };
}
