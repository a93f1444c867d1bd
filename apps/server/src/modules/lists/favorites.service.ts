import type { FavoriteItem, favoriteListQuerySchema, favoriteStateSchema } from '@nano/contracts';
import type { z } from 'zod';
import { errors } from '../../errors.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { hitsByIds } from '../search/search-hits.ts';
import * as repo from './favorites.repository.ts';

type Deps = Pick<ModuleDeps, 'db' | 'clock'>;
type FavoriteState = z.infer<typeof favoriteStateSchema>;
type FavoriteQuery = z.output<typeof favoriteListQuerySchema>;

/**
 * Favourites a published Nano (idempotent). The row and the count change in one transaction,
 * and the count only when the row was new, so it stays exact under parallel requests.
 */
export async function addFavorite(deps: Deps, userId: string, nanoId: string): Promise<FavoriteState> {
  return deps.db.transaction().execute(async (trx) => {
    const nano = await repo.findNano(trx, nanoId);
    if (nano?.status !== 'published') {
      throw errors.notFound();
    }
    const inserted = await repo.insertFavorite(trx, userId, nanoId, deps.clock.now());
    const favoriteCount = inserted ? await repo.changeFavoriteCount(trx, nanoId, 1) : nano.favorite_count;
    return { favorited: true, favoriteCount };
  });
}

/** Removes a favourite (idempotent; a Nano of any status, so an archived one can be cleaned up). */
export async function removeFavorite(deps: Deps, userId: string, nanoId: string): Promise<FavoriteState> {
  return deps.db.transaction().execute(async (trx) => {
    const nano = await repo.findNano(trx, nanoId);
    if (!nano) {
      throw errors.notFound();
    }
    const deleted = await repo.deleteFavorite(trx, userId, nanoId);
    const favoriteCount = deleted ? await repo.changeFavoriteCount(trx, nanoId, -1) : nano.favorite_count;
    return { favorited: false, favoriteCount };
  });
}

/** Ids of every Nano the user favourited, newest first: what the heart buttons read. */
export function listFavoriteIds(deps: Deps, userId: string): Promise<string[]> {
  return repo.favoriteIds(deps.db, userId);
}

/** The user's favourites that are published now, as result cards, filtered, sorted and paged. */
export async function listFavorites(
  deps: Deps,
  userId: string,
  query: FavoriteQuery,
): Promise<{ items: FavoriteItem[]; total: number; page: number; pageSize: number }> {
  const { rows, total } = await repo.findFavorites(
    deps.db,
    userId,
    {
      words: (query.q ?? '').split(/\s+/).filter((word) => word.length > 0),
      level: query.level,
      language: query.language,
      format: query.format,
    },
    query.sort,
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const hits = new Map(
    (
      await hitsByIds(
        deps.db,
        rows.map((row) => row.nanoId),
      )
    ).map((hit) => [hit.id, hit]),
  );
  const items = rows.flatMap((row) => {
    const nano = hits.get(row.nanoId);
    return nano ? [{ nano, addedAt: row.addedAt.toISOString() }] : [];
  });
  return { items, total, page: query.page, pageSize: query.pageSize };
}
