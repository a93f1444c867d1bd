import type { CategoryTree } from '@nano/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Cache } from '../../platform/cache.ts';
import { presentCategoryTree } from './taxonomy.presenter.ts';
import { findExistingCategoryIds, findInactiveCategoryIds, listCategories } from './taxonomy.repository.ts';

/** The category tree changes only by admin edits; a minute of staleness across instances is fine. */
export const CATEGORY_TREE_CACHE_TTL_MS = 60_000;
const CACHE_KEY = 'taxonomy:tree:v2';

export interface TaxonomyService {
  /**
   * The two-level topic tree of the categories offered (deactivated ones listed apart), served
   * from the shared cache when warm.
   */
  getTree(): Promise<CategoryTree>;
  /** Drops the cached tree after a change. */
  invalidate(): Promise<void>;
  /** The ids among `ids` that are not categories (for validating references from other modules). */
  unknownCategoryIds(ids: string[]): Promise<string[]>;
  /**
   * The ids among `ids` that are no longer offered (deactivated, or under a deactivated parent):
   * new Nanos must not be filed under them, while Nanos already there keep them.
   */
  inactiveCategoryIds(ids: string[]): Promise<string[]>;
}

/** Creates the taxonomy service over its database and the shared cache. */
export function createTaxonomyService(deps: { db: Kysely<Database>; cache: Cache }): TaxonomyService {
  return {
    async getTree() {
      const cached = await deps.cache.get(CACHE_KEY);
      if (cached) {
        return JSON.parse(cached) as CategoryTree;
      }
      const tree = presentCategoryTree(await listCategories(deps.db));
      await deps.cache.set(CACHE_KEY, JSON.stringify(tree), CATEGORY_TREE_CACHE_TTL_MS);
      return tree;
    },
    async invalidate() {
      await deps.cache.delete(CACHE_KEY);
    },
    async unknownCategoryIds(ids) {
      const existing = new Set(await findExistingCategoryIds(deps.db, ids));
      return ids.filter((id) => !existing.has(id));
    },
    inactiveCategoryIds(ids) {
      return findInactiveCategoryIds(deps.db, ids);
    },
  };
}
