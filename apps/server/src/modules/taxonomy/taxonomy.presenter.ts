import type { Category, CategoryTree } from '@nano/contracts';
import type { CategoryRow } from '../../db/database.ts';

/** One category row in its API shape. */
export function presentCategory(row: CategoryRow): Category {
  return {
    id: row.id,
    slug: row.slug,
    name: { de: row.name_de, en: row.name_en },
    parentId: row.parent_id,
    position: row.position,
  };
}

/** Rows (any order within a level already sorted) as the two-level tree. */
export function presentCategoryTree(rows: CategoryRow[]): CategoryTree {
  const parents = rows.filter((row) => row.parent_id === null);
  return {
    items: parents.map((parent) => ({
      ...presentCategory(parent),
      children: rows.filter((row) => row.parent_id === parent.id).map(presentCategory),
    })),
  };
}
