import type { CuratedList, FavoriteItem, ListDetail, ListItem, SharedList } from '@nano/contracts';
import { createSearchHit } from './search-factories.ts';

/** A list as `GET /me/lists` shows it. */
export function createCuratedList(overrides: Partial<CuratedList> = {}): CuratedList {
  return {
    id: crypto.randomUUID(),
    name: 'Excel-Schulung Team',
    description: 'Für die neuen Kolleginnen und Kollegen im Controlling.',
    itemCount: 0,
    shareUrl: null,
    createdAt: '2026-05-01T08:00:00.000Z',
    updatedAt: '2026-05-02T08:00:00.000Z',
    ...overrides,
  };
}

/** An entry of a list; with `nano: null` it is no longer published. */
export function createListItem(overrides: Partial<ListItem> = {}): ListItem {
  const nano = overrides.nano === undefined ? createSearchHit() : overrides.nano;
  return {
    nanoId: nano?.id ?? crypto.randomUUID(),
    title: nano?.title ?? 'Ein zurückgezogener Nano',
    available: nano !== null,
    nano,
    addedAt: '2026-05-01T09:00:00.000Z',
    ...overrides,
  };
}

/** `GET /lists/{id}`: a list with its items (item count follows the items unless given). */
export function createListDetail(overrides: Partial<ListDetail> = {}): ListDetail {
  const items = overrides.items ?? [];
  return { ...createCuratedList({ itemCount: items.length }), items, ...overrides };
}

/** `GET /shared/lists/{token}`. */
export function createSharedList(overrides: Partial<SharedList> = {}): SharedList {
  return {
    name: 'Excel-Schulung Team',
    description: 'Für die neuen Kolleginnen und Kollegen im Controlling.',
    owner: { displayName: 'Anna Beispiel' },
    items: [createSearchHit()],
    updatedAt: '2026-05-02T08:00:00.000Z',
    ...overrides,
  };
}

/** A page of `GET /me/favorites`. */
export function createFavoritePage(
  items: FavoriteItem[] = [],
  overrides: { total?: number; page?: number } = {},
) {
  return { items, total: overrides.total ?? items.length, page: overrides.page ?? 1, pageSize: 20 };
}

/** One favourite: a search hit and when it was added. */
export function createFavoriteItem(overrides: Partial<FavoriteItem['nano']> = {}): FavoriteItem {
  return { nano: createSearchHit(overrides), addedAt: '2026-05-03T10:00:00.000Z' };
}
