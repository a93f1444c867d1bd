import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  type createSavedSearchRequestSchema,
  type SavedSearch,
  SEARCH_LIMITS,
  type SearchFilters,
  searchFiltersSchema,
  type updateSavedSearchRequestSchema,
} from '@nano/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError, errors } from '../../errors.ts';
import { lockUserRow } from '../identity/user-lock.ts';
import * as repo from './saved-searches.repository.ts';
import type { SearchDeps } from './search.deps.ts';

type Deps = Pick<SearchDeps, 'db' | 'clock' | 'secret'>;
type CreateInput = z.output<typeof createSavedSearchRequestSchema>;
type UpdateInput = z.output<typeof updateSavedSearchRequestSchema>;

/** What the unsubscribe MAC signs, so a MAC of this key for another purpose never fits. */
const UNSUBSCRIBE_PURPOSE = 'saved-search-alerts';
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The stored filters, parsed again: a value that a later schema no longer accepts must not break
 * the list, so such a search keeps only its query text.
 */
export function storedFilters(value: unknown): SearchFilters {
  const parsed = searchFiltersSchema.safeParse(value);
  if (parsed.success) {
    return parsed.data;
  }
  const q = (value as { q?: unknown } | null)?.q;
  return searchFiltersSchema.parse({ q: typeof q === 'string' ? q.slice(0, SEARCH_LIMITS.queryMax) : '' });
}

function present(row: repo.SavedSearchRow): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    filters: storedFilters(row.filters),
    alert: row.alert,
    createdAt: row.created_at.toISOString(),
  };
}

/** The signed-in user's saved searches, oldest first. */
export async function listSavedSearches(deps: Deps, userId: string): Promise<SavedSearch[]> {
  return (await repo.listSavedSearches(deps.db, userId)).map(present);
}

/**
 * Saves a search. The count and the insert run in one transaction with the user's row locked, so
 * parallel requests cannot pass the limit together. New Nanos are announced from now on.
 */
export async function createSavedSearch(
  deps: Deps,
  userId: string,
  input: CreateInput,
): Promise<SavedSearch> {
  const row = await deps.db.transaction().execute(async (trx) => {
    if (!(await lockUserRow(trx, userId))) {
      throw errors.unauthorized();
    }
    if ((await repo.countSavedSearches(trx, userId)) >= SEARCH_LIMITS.savedSearchesMax) {
      throw new AppError('saved_search_limit');
    }
    const now = deps.clock.now();
    return repo.insertSavedSearch(trx, {
      id: uuidv7(),
      user_id: userId,
      name: input.name,
      filters: JSON.stringify(input.filters),
      alert: input.alert,
      alerted_until: now,
      created_at: now,
    });
  });
  return present(row);
}

/** Renames a saved search or switches its alert; another user's search is not found. */
export async function updateSavedSearch(
  deps: Deps,
  userId: string,
  id: string,
  input: UpdateInput,
): Promise<SavedSearch> {
  const patch = {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.alert === undefined ? {} : { alert: input.alert }),
  };
  const row = await repo.updateSavedSearch(deps.db, userId, id, patch);
  if (!row) {
    throw errors.notFound();
  }
  return present(row);
}

/** Deletes a saved search; another user's search is not found. */
export async function deleteSavedSearch(deps: Deps, userId: string, id: string): Promise<void> {
  if (!(await repo.deleteSavedSearch(deps.db, userId, id))) {
    throw errors.notFound();
  }
}

function unsubscribeMac(secret: string, userId: string): Buffer {
  return createHmac('sha256', secret).update(`${UNSUBSCRIBE_PURPOSE}:${userId}`).digest();
}

/** The token of the unsubscribe link in a user's alert mails: `<userId>.<base64url HMAC>`; it does not expire. */
export function unsubscribeToken(secret: string, userId: string): string {
  return `${userId}.${unsubscribeMac(secret, userId).toString('base64url')}`;
}

/** The user a genuine unsubscribe token belongs to, or null for a forged or damaged one. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const dot = token.indexOf('.');
  const userId = token.slice(0, dot);
  if (dot < 0 || !UUID_PATTERN.test(userId)) {
    return null;
  }
  // The encoded strings are compared, as base64url decoding would skip stray characters.
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(unsubscribeMac(secret, userId).toString('base64url'));
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}

/** Turns off every alert of the token's user (idempotent) and returns how many were on. */
export async function unsubscribeAlerts(deps: Deps, token: string): Promise<number> {
  const userId = verifyUnsubscribeToken(deps.secret, token);
  if (!userId) {
    throw new AppError('token_invalid');
  }
  return repo.disableAlerts(deps.db, userId);
}
