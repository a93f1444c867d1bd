import { randomBytes } from 'node:crypto';
import {
  type CuratedList,
  type createListRequestSchema,
  LIST_LIMITS,
  type ListDetail,
  type Locale,
  type SharedList,
  type updateListRequestSchema,
} from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError, errors } from '../../errors.ts';
import { lockUserRow } from '../identity/user-lock.ts';
import type { ModuleDeps } from '../module-deps.ts';
import { hitsByIds } from '../search/search-hits.ts';
import { presentList, presentListDetail, shareUrl } from './lists.presenter.ts';
import * as repo from './lists.repository.ts';

type Deps = Pick<ModuleDeps, 'db' | 'clock' | 'publicUrl'>;
type Db = Deps['db'];
type CreateInput = z.output<typeof createListRequestSchema>;
type UpdateInput = z.output<typeof updateListRequestSchema>;

/** Random bytes of a share token: 192 bits, far beyond guessing. */
export const SHARE_TOKEN_BYTES = 24;
/** What a share token looks like (base64url); anything else is not found without a lookup. */
const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

/** The detail of the conflict when a reorder does not match the list any more. */
const LIST_CHANGED: Record<Locale, string> = {
  de: 'Die Liste wurde inzwischen geändert. Bitte laden Sie sie neu und ordnen Sie dann erneut.',
  en: 'The list has changed in the meantime. Please reload it and reorder again.',
};

/** A new random share token (base64url). */
export function newShareToken(): string {
  return randomBytes(SHARE_TOKEN_BYTES).toString('base64url');
}

/** The owner's list, optionally locked for the transaction; another user's list is not found. */
async function ownList(db: Db, userId: string, id: string, lock = false): Promise<repo.ListRow> {
  const row = await repo.findOwnList(db, userId, id, lock);
  if (!row) {
    throw errors.notFound();
  }
  return row;
}

async function detail(deps: Deps, db: Db, row: repo.ListRow): Promise<ListDetail> {
  const items = await repo.listItems(db, row.id);
  const hits = await hitsByIds(
    db,
    items.filter((item) => item.available).map((item) => item.nanoId),
  );
  return presentListDetail(deps.publicUrl, row, items, new Map(hits.map((hit) => [hit.id, hit])));
}

/** The user's lists, last changed first; with `containing`, whether each holds that Nano. */
export async function listLists(deps: Deps, userId: string, containing?: string): Promise<CuratedList[]> {
  const rows = await repo.listsOf(deps.db, userId, containing);
  return rows.map((row) =>
    presentList(deps.publicUrl, row, containing === undefined ? undefined : row.contains_nano),
  );
}

/**
 * Creates a list. The count and the insert run with the user's row locked, so parallel requests
 * cannot pass the limit together.
 */
export async function createList(deps: Deps, userId: string, input: CreateInput): Promise<CuratedList> {
  const row = await deps.db.transaction().execute(async (trx) => {
    if (!(await lockUserRow(trx, userId))) {
      throw errors.unauthorized();
    }
    if ((await repo.countLists(trx, userId)) >= LIST_LIMITS.listsPerUserMax) {
      throw new AppError('list_limit');
    }
    const now = deps.clock.now();
    return repo.insertList(trx, {
      id: uuidv7(),
      owner_id: userId,
      name: input.name,
      description: input.description,
      created_at: now,
      updated_at: now,
    });
  });
  return presentList(deps.publicUrl, row);
}

/** The owner's list with every item in order. */
export async function getList(deps: Deps, userId: string, id: string): Promise<ListDetail> {
  return detail(deps, deps.db, await ownList(deps.db, userId, id));
}

/** Renames the list or changes its description. */
export async function updateList(
  deps: Deps,
  userId: string,
  id: string,
  input: UpdateInput,
): Promise<CuratedList> {
  const row = await deps.db.transaction().execute(async (trx) => {
    const list = await ownList(trx, userId, id, true);
    const patch = {
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.description === undefined ? {} : { description: input.description }),
    };
    return Object.keys(patch).length === 0 ? list : repo.updateList(trx, id, patch, deps.clock.now());
  });
  return presentList(deps.publicUrl, row);
}

/** Deletes the list with its items (a shared link stops working with it). */
export async function deleteList(deps: Deps, userId: string, id: string): Promise<void> {
  if (!(await repo.deleteList(deps.db, userId, id))) {
    throw errors.notFound();
  }
}

/**
 * Appends a published Nano to the list (idempotent: a Nano already in it stays where it is).
 * The list row is locked, so the limit holds and positions stay distinct under parallel adds.
 */
export async function addItem(deps: Deps, userId: string, id: string, nanoId: string): Promise<CuratedList> {
  const row = await deps.db.transaction().execute(async (trx) => {
    const list = await ownList(trx, userId, id, true);
    if ((await repo.nanoStatus(trx, nanoId)) !== 'published') {
      throw errors.notFound();
    }
    if (await repo.hasItem(trx, id, nanoId)) {
      return list;
    }
    if (list.item_count >= LIST_LIMITS.itemsPerListMax) {
      throw new AppError('list_item_limit');
    }
    const now = deps.clock.now();
    await repo.appendItem(trx, id, nanoId, now);
    return repo.touchList(trx, id, 1, now);
  });
  return presentList(deps.publicUrl, row);
}

/** Removes a Nano from the list (idempotent: one that is not in it changes nothing). */
export async function removeItem(deps: Deps, userId: string, id: string, nanoId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await ownList(trx, userId, id, true);
    if (await repo.deleteItem(trx, id, nanoId)) {
      await repo.touchList(trx, id, -1, deps.clock.now());
    }
  });
}

/**
 * Puts the items in the given order. The ids must be exactly the list's items, each once: if
 * the list changed since the client loaded it, nothing changes and the client reloads.
 */
export async function reorderItems(
  deps: Deps,
  userId: string,
  id: string,
  nanoIds: string[],
  locale: Locale,
): Promise<ListDetail> {
  return deps.db.transaction().execute(async (trx) => {
    await ownList(trx, userId, id, true);
    const current = new Set(await repo.itemIds(trx, id));
    const given = new Set(nanoIds);
    const permutation =
      given.size === nanoIds.length && given.size === current.size && nanoIds.every((n) => current.has(n));
    if (!permutation) {
      throw errors.conflict(LIST_CHANGED[locale]);
    }
    await repo.rewritePositions(trx, id, nanoIds);
    return detail(deps, trx, await repo.touchList(trx, id, 0, deps.clock.now()));
  });
}

/** Turns sharing on with a new random link; an earlier link stops working at once. */
export async function shareList(
  deps: Deps,
  userId: string,
  id: string,
): Promise<{ shareUrl: string; token: string }> {
  const token = newShareToken();
  await deps.db.transaction().execute(async (trx) => {
    await ownList(trx, userId, id, true);
    await repo.setShareToken(trx, id, token, deps.clock.now());
  });
  return { shareUrl: shareUrl(deps.publicUrl, token), token };
}

/** Turns sharing off: the link is not found from now on (idempotent). */
export async function unshareList(deps: Deps, userId: string, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await ownList(trx, userId, id, true);
    await repo.setShareToken(trx, id, null, deps.clock.now());
  });
}

/** A shared list as anyone with the link sees it: the Nanos published now, the owner by display name. */
export async function getSharedList(deps: Deps, token: string): Promise<SharedList> {
  const row = SHARE_TOKEN_PATTERN.test(token) ? await repo.findSharedList(deps.db, token) : undefined;
  if (!row) {
    throw errors.notFound();
  }
  const items = await repo.listItems(deps.db, row.id);
  return {
    name: row.name,
    description: row.description,
    owner: { displayName: row.owner_display_name },
    items: await hitsByIds(
      deps.db,
      items.filter((item) => item.available).map((item) => item.nanoId),
    ),
    updatedAt: row.updated_at.toISOString(),
  };
}
