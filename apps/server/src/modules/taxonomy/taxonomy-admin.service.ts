import type {
  AdminCategory,
  AdminCategoryTree,
  createCategoryRequestSchema,
  updateCategoryRequestSchema,
} from '@nano/contracts';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { CategoryRow, Database } from '../../db/database.ts';
import { AppError, errors } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AdminActor } from '../admin/admin-request.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { presentAdminCategoryTree } from './taxonomy.presenter.ts';
import * as repo from './taxonomy.repository.ts';
import type { TaxonomyService } from './taxonomy.service.ts';

/** What the taxonomy editor uses. */
export interface TaxonomyAdminDeps {
  db: Kysely<Database>;
  clock: Clock;
  audit: AuditService;
  taxonomy: TaxonomyService;
}

type CreateInput = z.output<typeof createCategoryRequestSchema>;
type UpdateInput = z.output<typeof updateCategoryRequestSchema>;

/** The audited facts of a category. */
function snapshot(row: CategoryRow) {
  return {
    slug: row.slug,
    name: { de: row.name_de, en: row.name_en },
    parentId: row.parent_id,
    position: row.position,
    active: row.active,
  };
}

/** A PostgreSQL unique violation (two admins creating the same slug at once). */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

function slugTaken(): AppError {
  return new AppError('slug_taken', { fieldErrors: [{ field: 'body.slug', code: 'slug_taken' }] });
}

/** A new parent must exist and be top-level: the taxonomy has exactly two levels. */
function checkParent(rows: CategoryRow[], parentId: string): CategoryRow {
  const parent = rows.find((row) => row.id === parentId);
  if (!parent) {
    throw errors.field('body.parentId', 'unknown_category');
  }
  if (parent.parent_id !== null) {
    throw errors.field('body.parentId', 'category_parent_not_top_level');
  }
  return parent;
}

/** The ids under `parentId` in display order (already sorted by the lock query). */
function siblingIds(rows: CategoryRow[], parentId: string | null, except?: string): string[] {
  return rows.filter((row) => row.parent_id === parentId && row.id !== except).map((row) => row.id);
}

/** The whole tree, inactive categories included, with their Nano counts. */
export async function getAdminCategoryTree(deps: TaxonomyAdminDeps): Promise<AdminCategoryTree> {
  const [rows, counts] = await Promise.all([
    repo.listCategories(deps.db),
    repo.countNanosPerCategory(deps.db),
  ]);
  return presentAdminCategoryTree(rows, counts);
}

/** One category as the editor shows it. */
async function findAdminCategory(deps: TaxonomyAdminDeps, id: string): Promise<AdminCategory> {
  const tree = await getAdminCategoryTree(deps);
  const found = tree.items.flatMap((parent) => [parent, ...parent.children]).find((node) => node.id === id);
  if (!found) {
    throw errors.notFound();
  }
  const { id: foundId, slug, name, parentId, position, active, nanoCount } = found;
  return { id: foundId, slug, name, parentId, position, active, nanoCount };
}

/** Adds a category at the end of its level; the slug must be unused, a parent top-level. */
export async function createCategory(
  deps: TaxonomyAdminDeps,
  actor: AdminActor,
  input: CreateInput,
): Promise<AdminCategory> {
  const now = deps.clock.now();
  const id = uuidv7();
  try {
    await deps.db.transaction().execute(async (trx) => {
      const rows = await repo.lockCategories(trx);
      if (rows.some((row) => row.slug === input.slug)) {
        throw slugTaken();
      }
      if (input.parentId !== null) {
        checkParent(rows, input.parentId);
      }
      const row = {
        id,
        slug: input.slug,
        parent_id: input.parentId,
        name_de: input.name.de,
        name_en: input.name.en,
        position: siblingIds(rows, input.parentId).length,
        created_at: now,
        updated_at: now,
      };
      await repo.insertCategory(trx, row);
      await deps.audit.record(
        {
          actorId: actor.userId,
          action: 'taxonomy.category_created',
          targetType: 'category',
          targetId: id,
          details: { after: snapshot({ ...row, active: true }) },
          ip: actor.ip,
          userAgent: actor.userAgent,
        },
        trx,
      );
    });
  } catch (error) {
    throw isUniqueViolation(error) ? slugTaken() : error;
  }
  await deps.taxonomy.invalidate();
  return findAdminCategory(deps, id);
}

/**
 * Renames, moves (new parent and/or position) or (de)activates a category in one transaction:
 * a top-level category with children cannot become a child, nothing can sit under itself or under
 * a child, and the positions of the old and the new level are renumbered 0, 1, 2, …
 */
export async function updateCategory(
  deps: TaxonomyAdminDeps,
  actor: AdminActor,
  id: string,
  input: UpdateInput,
): Promise<AdminCategory> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const rows = await repo.lockCategories(trx);
    const before = rows.find((row) => row.id === id);
    if (!before) {
      throw errors.notFound();
    }
    const parentId = input.parentId === undefined ? before.parent_id : input.parentId;
    const moved = parentId !== before.parent_id;
    if (moved && parentId !== null) {
      if (parentId === id) {
        throw errors.field('body.parentId', 'category_self_parent');
      }
      checkParent(rows, parentId);
      if (rows.some((row) => row.parent_id === id)) {
        throw errors.field('body.parentId', 'category_has_children');
      }
    }
    const current = new Map(rows.map((row) => [row.id, row.position]));
    let position = before.position;
    if (moved || input.position !== undefined) {
      const target = siblingIds(rows, parentId, id);
      position = Math.min(input.position ?? target.length, target.length);
      target.splice(position, 0, id);
      if (moved) {
        await repo.renumber(trx, siblingIds(rows, before.parent_id, id), current, now);
      }
      // The moved row itself is written below with its new parent.
      current.set(id, position);
      await repo.renumber(trx, target, current, now);
    }
    const after: CategoryRow = {
      ...before,
      parent_id: parentId,
      position,
      name_de: input.name?.de ?? before.name_de,
      name_en: input.name?.en ?? before.name_en,
      active: input.active ?? before.active,
      updated_at: now,
    };
    await repo.updateCategory(trx, id, {
      parent_id: after.parent_id,
      position: after.position,
      name_de: after.name_de,
      name_en: after.name_en,
      active: after.active,
      updated_at: now,
    });
    const beforeFacts = snapshot(before);
    const afterFacts = snapshot(after);
    const changed = (Object.keys(afterFacts) as Array<keyof typeof afterFacts>).filter(
      (key) => JSON.stringify(beforeFacts[key]) !== JSON.stringify(afterFacts[key]),
    );
    if (changed.length === 0) {
      return;
    }
    await deps.audit.record(
      {
        actorId: actor.userId,
        action: 'taxonomy.category_updated',
        targetType: 'category',
        targetId: id,
        details: {
          slug: before.slug,
          before: Object.fromEntries(changed.map((key) => [key, beforeFacts[key]])),
          after: Object.fromEntries(changed.map((key) => [key, afterFacts[key]])),
        },
        ip: actor.ip,
        userAgent: actor.userAgent,
      },
      trx,
    );
  });
  await deps.taxonomy.invalidate();
  return findAdminCategory(deps, id);
}
