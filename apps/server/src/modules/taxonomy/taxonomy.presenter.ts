import type { AdminCategoryTree, Category, CategoryTree } from '@nano/contracts';
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

/**
 * Rows (already sorted within a level) as the public two-level tree: only the categories offered
 * (active, under an active parent); the others are listed apart so their names stay known.
 */
export function presentCategoryTree(rows: CategoryRow[]): CategoryTree {
  const offeredParents = rows.filter((row) => row.parent_id === null && row.active);
  const offeredParentIds = new Set(offeredParents.map((row) => row.id));
  const offered = (row: CategoryRow) =>
    row.active && (row.parent_id === null || offeredParentIds.has(row.parent_id));
  return {
    items: offeredParents.map((parent) => ({
      ...presentCategory(parent),
      children: rows.filter((row) => row.parent_id === parent.id && row.active).map(presentCategory),
    })),
    inactive: rows.filter((row) => !offered(row)).map(presentCategory),
  };
}

/** Every category (inactive ones included) as the taxonomy editor shows it. */
export function presentAdminCategoryTree(
  rows: CategoryRow[],
  nanoCounts: Map<string, number>,
): AdminCategoryTree {
  const present = (row: CategoryRow) => ({
    ...presentCategory(row),
    active: row.active,
    nanoCount: nanoCounts.get(row.id) ?? 0,
  });
  return {
    items: rows
      .filter((row) => row.parent_id === null)
      .map((parent) => ({
        ...present(parent),
        children: rows.filter((row) => row.parent_id === parent.id).map(present),
      })),
  };
}
